"""The one QR code helper: SVG for the web and for PDF documents."""


def qr_svg(data: str, box_size: int = 10) -> str:
    """An SVG document holding a QR code for ``data`` (medium error correction)."""
    # Imported by the first poster or certificate a process draws: the page models import
    # this module, and a web worker serving guides and lessons never needs qrcode.
    import qrcode
    from qrcode.image.svg import SvgPathImage

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        box_size=box_size,
        border=4,
        image_factory=SvgPathImage,
    )
    code.add_data(data)
    code.make(fit=True)
    return code.make_image().to_string(encoding="unicode")

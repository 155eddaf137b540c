"""Read PDFs and QR codes the way a phone or a printer would, independently of the app."""

import pypdfium2
import zxingcpp
from weasyprint import HTML

from lms.pdf import LOCAL_BASE_URL, fetcher_class


def pdf_pages(document: bytes) -> pypdfium2.PdfDocument:
    return pypdfium2.PdfDocument(document)


def pdf_text(document: bytes) -> str:
    """All the text of a PDF, with runs of whitespace folded to single spaces."""
    pdf = pdf_pages(document)
    text = " ".join(pdf[index].get_textpage().get_text_range() for index in range(len(pdf)))
    return " ".join(text.split())


def decode_qr_codes(document: bytes, page_index: int = 0) -> list[str]:
    """The text of every QR code printed on one page of a PDF."""
    image = pdf_pages(document)[page_index].render(scale=3).to_pil()
    return [
        barcode.text
        for barcode in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    ]


def svg_to_pdf(svg: str) -> bytes:
    """Lay an SVG document on a page, as a printer would, with the app's PDF service."""
    html = f'<!DOCTYPE html><html><body style="margin:0"><div style="width:80mm">{svg}</div>'
    html += "</body></html>"
    return HTML(string=html, base_url=LOCAL_BASE_URL, url_fetcher=fetcher_class()()).write_pdf()

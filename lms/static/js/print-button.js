// The print version's "Print" button: hidden without JavaScript (the page offers the PDF
// instead), shown and wired here. A static file, not an inline script (Content-Security-Policy).
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

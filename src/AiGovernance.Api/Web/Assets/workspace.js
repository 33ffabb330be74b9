// Small conveniences only; every page works without script.
document.addEventListener("DOMContentLoaded", () => {
  // Filters apply as soon as a choice changes.
  document.querySelectorAll("form.filters select").forEach(s => s.addEventListener("change", () => s.form.requestSubmit()));
  // Buttons that need a second thought say so.
  document.querySelectorAll("[data-confirm]").forEach(b => b.addEventListener("click", e => {
    if (!window.confirm(b.getAttribute("data-confirm"))) e.preventDefault();
  }));
});

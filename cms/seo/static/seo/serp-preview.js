/* Live character counters for the title tag and meta description, and the search-result
   preview of cms/seo/serp_preview.py. Plain DOM, no dependencies. */
(function () {
  "use strict";

  function counter(input, min, max) {
    var output = document.createElement("p");
    output.className = "seo-counter";
    output.id = input.id + "-count";
    output.setAttribute("aria-live", "polite");
    var described = input.getAttribute("aria-describedby");
    input.setAttribute("aria-describedby", (described ? described + " " : "") + output.id);
    input.insertAdjacentElement("afterend", output);
    function update() {
      var length = input.value.trim().length;
      var state = length === 0 ? "empty" : length < min ? "short" : length > max ? "long" : "ok";
      var words = {
        empty: "empty: the fallback below is used",
        short: "too short",
        long: "too long",
        ok: "good",
      };
      output.textContent =
        length + " characters (aim for " + min + "–" + max + "): " + words[state];
      output.dataset.state = state;
    }
    input.addEventListener("input", update);
    update();
    return update;
  }

  function init() {
    var preview = document.querySelector("[data-seo-serp]");
    var title = document.getElementById("id_seo_title");
    var description = document.getElementById("id_search_description");
    if (!preview || (!title && !description)) {
      return;
    }
    var data = preview.dataset;
    var shownTitle = preview.querySelector("[data-seo-serp-title]");
    var shownDescription = preview.querySelector("[data-seo-serp-description]");
    function cut(text, max) {
      return text.length > max ? text.slice(0, max - 1).replace(/\s+\S*$/, "") + " …" : text;
    }
    function render() {
      var t = title && title.value.trim() ? title.value.trim() : data.fallbackTitle;
      var d =
        description && description.value.trim()
          ? description.value.trim()
          : data.fallbackDescription;
      shownTitle.textContent = cut(t, Number(data.titleMax));
      shownDescription.textContent = cut(d, Number(data.descriptionMax));
    }
    if (title) {
      counter(title, Number(data.titleMin), Number(data.titleMax));
      title.addEventListener("input", render);
    }
    if (description) {
      counter(description, Number(data.descriptionMin), Number(data.descriptionMax));
      description.addEventListener("input", render);
    }
    render();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

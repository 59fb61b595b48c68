/* The call-to-action block (treatments/blocks/clinic_aware.py) shows the Page field only
   for "Go to a page" and the Web address only for "Go to a web address". Fields are
   hidden, never cleared: the block's clean() names a value left in a field the action
   does not use. Works for blocks added later, through event delegation and a
   MutationObserver. */
(function () {
  "use strict";

  var FIELDS = { page: "page", url: "url" };

  function fieldOf(block, name) {
    var input = block.querySelector('[name$="-value-' + name + '"]');
    return input ? input.closest("[data-contentpath]") || input.closest(".w-field__wrapper") : null;
  }

  function update(block) {
    var select = block.querySelector('select[name$="-value-action"]');
    if (!select) {
      return;
    }
    Object.keys(FIELDS).forEach(function (action) {
      var field = fieldOf(block, FIELDS[action]);
      if (field) {
        var input = block.querySelector('[name$="-value-' + FIELDS[action] + '"]');
        // Keep a field visible while it holds a value the action does not use (its error).
        field.hidden = select.value !== action && !(input && input.value);
      }
    });
  }

  function updateAll(root) {
    (root.querySelectorAll ? root : document).querySelectorAll(".cta-block").forEach(update);
  }

  document.addEventListener("change", function (event) {
    var block = event.target.closest && event.target.closest(".cta-block");
    if (block && event.target.matches('select[name$="-value-action"]')) {
      update(block);
    }
  });

  function start() {
    updateAll(document);
    new MutationObserver(function (mutations) {
      mutations.forEach(function (mutation) {
        mutation.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            if (node.matches(".cta-block")) {
              update(node);
            }
            updateAll(node);
          }
        });
      });
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

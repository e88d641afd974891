/// The editor's one progressive enhancement, served from memory like the stylesheet: a search
/// box above each long checkbox list that hides the boxes not matching. Without it the lists
/// scroll and every box still works; checked boxes are never hidden, so nothing is lost.
public enum EditorScript {
    public static let source = """
    document.querySelectorAll("fieldset[data-picker]").forEach(function (set) {
      var boxes = Array.prototype.slice.call(set.querySelectorAll(".check"));
      if (boxes.length < 8) return;
      var id = set.id + "-sok";
      var wrap = document.createElement("div");
      wrap.className = "picker-search";
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = "Sök bland " + set.querySelector("legend").firstChild.textContent.trim().toLowerCase();
      var input = document.createElement("input");
      input.type = "search";
      input.id = id;
      input.setAttribute("aria-controls", set.id);
      wrap.appendChild(label);
      wrap.appendChild(input);
      set.insertBefore(wrap, set.querySelector(".check-list"));
      var fold = function (s) { return s.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, ""); };
      input.addEventListener("input", function () {
        var words = fold(input.value.trim());
        boxes.forEach(function (box) {
          var hit = !words || box.querySelector("input").checked || fold(box.textContent).indexOf(words) >= 0;
          box.hidden = !hit;
        });
      });
      input.addEventListener("keydown", function (event) { if (event.key === "Enter") event.preventDefault(); });
    });
    """
}

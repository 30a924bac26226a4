let counter = 0;
function render({ model, el }) {
  const prefix = "pack-sort-" + (++counter) + "-";
  const root = document.createElement("div");
  root.className = "pack-sort-columns";
  el.appendChild(root);
  // After a move, follow the card to its new place (its first button there).
  let follow = null;
  const draw = () => {
    root.replaceChildren();
    model.get("columns").forEach((column, number) => {
      const section = document.createElement("section");
      section.className = "pack-sort-column qa-sort-column-" + column.key;
      section.setAttribute("aria-labelledby", prefix + number);
      const heading = document.createElement("h4");
      heading.id = prefix + number;
      heading.textContent = column.heading;
      section.appendChild(heading);
      if (!column.cards.length) {
        const empty = document.createElement("p");
        empty.className = "pack-muted";
        empty.textContent = column.empty;
        section.appendChild(empty);
      } else {
        const list = document.createElement("ul");
        list.className = "pack-sort-list";
        for (const card of column.cards) {
          const item = document.createElement("li");
          item.className = "qa-sort-card";
          const text = document.createElement("p");
          text.className = "pack-sort-card";
          text.textContent = card.text;
          const actions = document.createElement("div");
          actions.className = "pack-sort-actions";
          for (const action of card.actions) {
            const button = document.createElement("button");
            button.type = "button";
            button.className = "jupyter-button widget-button " + action.css;
            button.textContent = action.label;
            button.setAttribute("aria-label", action.name);
            button.dataset.card = card.text;
            button.addEventListener("click", () => {
              follow = action.to ? card.text : null;
              model.send({ card: card.text, to: action.to });
            });
            actions.appendChild(button);
          }
          item.append(text, actions);
          list.appendChild(item);
        }
        section.appendChild(list);
      }
      root.appendChild(section);
    });
    if (follow !== null) {
      const target = [...root.querySelectorAll("button")].find(b => b.dataset.card === follow);
      follow = null;
      if (target) target.focus();
    }
  };
  draw();
  model.on("change:columns", draw);
}
export default { render };

// A tiny element builder: text goes in as text nodes, never as markup, so nothing from the mesh can inject HTML.

type Child = Node | string | number;
type Attributes = Record<string, string | number | undefined>;

const SVG_NS = "http://www.w3.org/2000/svg";

function build<E extends Element>(element: E, attributes: Attributes, children: Child[]): E {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.map((child) => (child instanceof Node ? child : String(child))));
  return element;
}

/** html makes an HTML element. */
export function html(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  return build(document.createElement(tag), attributes, children);
}

/** svg makes an SVG element. */
export function svg(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

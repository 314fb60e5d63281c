// A view's template filled with values: "{n} element rows", "{threat}（{cia}）". The words come from the view
// in its language; a renderer only puts in counts and parts it has escaped for its format.
export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** The elements of one tag in SVG text, each as its attributes and its text up to the next tag. */
export function svgElements(svg: string, tag: string): { attributes: Record<string, string>; text: string }[] {
  const pattern = new RegExp(`<${tag}\\b([^>]*)>([^<]*)`, 'g');
  return [...svg.matchAll(pattern)].map(([, attributes, text]) => ({
    attributes: Object.fromEntries([...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, value!])),
    text: text!,
  }));
}

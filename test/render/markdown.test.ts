import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownTable } from '../../src/render/markdown.js';

const markdown = new MarkdownIt({ html: true });

/** The text a reader sees once `source` is rendered, tags dropped, and whether any markup was made. */
function rendered(source: string): { html: string; text: string } {
  const html = markdown.render(source);
  const text = html
    .replace(/<br>/g, '\n')
    .replace(/<\/?(p|table|thead|tbody|tr|th|td)>\n?/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return { html, text: text.trim() };
}

describe('escapeMarkdown', () => {
  const literal = [
    '*not emphasis* and _not either_ and **not strong**',
    'a `code` span, ~~struck~~, $x^2$',
    '[a link](http://example.com) and ![an image](x.png)',
    '<script>alert(1)</script> <b>bold</b>',
    '&amp; &#124; &copy; stay as typed',
    'a \\ backslash and a \\* escaped star',
    'pipes | in | text',
  ];
  for (const text of literal) {
    it(`keeps ${JSON.stringify(text)} literal`, () => {
      const { html, text: shown } = rendered(escapeMarkdown(text));
      expect(html).not.toMatch(/<(em|strong|code|a|img|s|del|script|b)[ >]/);
      expect(shown).toBe(text);
    });
  }

  it('keeps lines that would open a block as text', () => {
    const text = '# not a heading\n- not an item\n+ nor this\n1. not a list\n2) nor this\n> not a quote\n    not code\n===';
    const { html } = rendered(escapeMarkdown(text));
    expect(html).not.toMatch(/<(h\d|ul|ol|li|blockquote|pre|code)[ >]/);
    expect(html.match(/<p>/g)).toHaveLength(1);
  });

  it('neutralises control characters and escape sequences', () => {
    const escaped = escapeMarkdown('red \u001b[31malert\u001b[0m bell\u0007');
    expect(escaped).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(escaped).toContain('alert');
  });

  it('keeps a cell in its cell: pipes escaped, line breaks as <br>', () => {
    expect(escapeMarkdown('a | b\nc', 'cell')).toBe('a \\| b<br>c');
    const table = markdownTable(['Title', 'Count'], [[escapeMarkdown('x | y\n| z |', 'cell'), '3']], [false, true]);
    expect(table).toBe('| Title | Count |\n| --- | ---: |\n| x \\| y<br>\\| z \\| | 3 |\n');
    expect(rendered(table).html).toContain('<td>x | y<br>| z |</td>');
  });
});

import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownParagraph, markdownTable } from '../../src/render/markdown.js';

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
    'https://example.com, www.example.org and someone@example.com stay unlinked; @someone is not mentioned',
    'a \\ backslash and a \\* escaped star',
    'pipes | in | text',
  ];
  for (const text of literal) {
    it(`keeps ${JSON.stringify(text)} literal`, () => {
      const { html, text: shown } = rendered(escapeMarkdown(text));
      expect(html).not.toMatch(/<(em|strong|code|a|img|s|del|script|b)[ >]/);
      expect(new MarkdownIt({ html: true, linkify: true }).render(escapeMarkdown(text))).not.toContain('<a ');
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
    expect(markdownTable(['A', 'B'], [['', 'b']])).toBe('| A | B |\n| --- | --- |\n| | b |\n');
  });

  it('keeps a cell and a heading whole across every kind of line break', () => {
    // CRLF is one line break; a bare CR and the Unicode line and paragraph separators are shown as escapes, never as breaks.
    const text = 'a\r\nb\rc\u2028d\u2029e\u0085f';
    expect(escapeMarkdown(text, 'cell')).toBe('a<br>b\\\\u{d}c\\\\u{2028}d\\\\u{2029}e\\\\u{85}f');
    expect(escapeMarkdown(text, 'line')).toBe('a b\\\\u{d}c\\\\u{2028}d\\\\u{2029}e\\\\u{85}f');
    const table = markdownTable(['Title'], [[escapeMarkdown(`${text}\n# x\n> y\n1. z`, 'cell')]]);
    expect(rendered(table).html.match(/<tr>/g)).toHaveLength(2);
    expect(rendered(table).html).not.toMatch(/<(h\d|blockquote|ol)[ >]/);
    expect(rendered(table).text).toContain('a\nb\\u{d}c\\u{2028}d');
  });

  it('makes a line (a heading) of text: line breaks become spaces and no # closes it', () => {
    expect(escapeMarkdown(' C# and F#\nsecond line #', 'line')).toBe('C\\# and F\\# second line \\#');
    const heading = rendered(`## ${escapeMarkdown('Title ## with *marks* <b>x</b>\n# and a line', 'line')}`).html;
    expect(heading).toBe('<h2>Title ## with *marks* &lt;b&gt;x&lt;/b&gt; # and a line</h2>\n');
  });

  it('drops the blanks around a line of text, and tabs, so nothing becomes code or a hard break', () => {
    expect(escapeMarkdown('  indented\t tab  \n\tnext  ')).toBe('indented  tab\nnext');
  });
});

describe('markdownParagraph', () => {
  const text = 'The Agencies will cooperate - 1. in the area of their external dimension; # 2. and + more, i.e. 2019. more text = and > quotes.';

  it('wraps at 80 columns without changing what a reader sees', () => {
    const paragraph = markdownParagraph(`${text} ${text} ${text}`);
    expect(paragraph.split('\n').every((line) => line.length <= 80)).toBe(true);
    expect(paragraph.split('\n').length).toBeGreaterThan(1);
    const { html, text: shown } = rendered(paragraph);
    expect(html.match(/<p>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(h\d|ul|ol|li|blockquote|pre|code)[ >]/);
    expect(shown.replace(/\s+/g, ' ')).toBe(`${text} ${text} ${text}`);
  });

  for (const width of [10, 12, 14, 16, 18, 20, 24, 30]) {
    it(`escapes any word that would open a block at the start of a line (width ${width})`, () => {
      const { html, text: shown } = rendered(markdownParagraph(text, { width }));
      expect(html.match(/<p>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<(h\d|ul|ol|li|blockquote|pre|code)[ >]/);
      expect(shown.replace(/\s+/g, ' ')).toBe(text);
    });
  }

  it('writes a list item with its continuation lines indented under it', () => {
    const item = markdownParagraph('Develop a joint conceptual framework and communication protocol governing the terms of cooperation;', { prefix: '- ', width: 40 });
    expect(item).toBe('- Develop a joint conceptual framework\n  and communication protocol governing\n  the terms of cooperation;');
    const html = rendered(`${item}\n${markdownParagraph('- 1. # not nested', { prefix: '- ', width: 6 })}`).html;
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<(ol|h\d)>|<ul>[^]*<ul>/);
  });

  it('keeps a word longer than the width whole, on its own line', () => {
    expect(markdownParagraph('a supercalifragilistic word', { width: 10 })).toBe('a\nsupercalifragilistic\nword');
  });
});

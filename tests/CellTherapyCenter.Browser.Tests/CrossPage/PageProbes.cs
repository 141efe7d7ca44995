namespace CellTherapyCenter.Browser.Tests.CrossPage;

/// <summary>
/// Checks that run inside the page as one script each (one round trip per page), returning what
/// they found as plain data for the test to judge and report.
/// </summary>
public static class PageProbes
{
    /// <summary>A short name of an element for a report, e.g. "table.results" or "h2 'Survival'".</summary>
    private const string Describe = """
        const describe = e => {
          const text = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
          return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '') + (text ? " '" + text + "'" : '');
        };
        """;

    /// <summary>
    /// Layout at the current width: problems as sentences. The page must not scroll sideways; a
    /// table wider than its space must sit in a scroller that a keyboard can scroll (tabindex=0),
    /// that has a name, and that shows a visible cue (a background such as a scroll shadow, or a
    /// visible [data-scroll-cue] element beside it); no heading or caption text may run past the
    /// page's edge or out of a box that clips it (a caption inside a scrolled table does). The
    /// page has one visible h1, and a phone number (a tel: link, or its .number) stays on one line.
    /// </summary>
    public const string Layout = "() => {" + Describe + """
          const problems = [];
          const root = document.documentElement;
          const width = root.clientWidth;
          const hidden = e => { for (let a = e; a; a = a.parentElement) { const s = getComputedStyle(a); if (s.clip !== 'auto' || s.clipPath !== 'none' || s.position === 'fixed') return true; } return !e.checkVisibility({ visibilityProperty: true }); };
          const clippers = e => { const out = []; for (let a = e.parentElement; a && a !== document.body && a !== root; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') out.push(a); return out; };
          if (root.scrollWidth > width + 1) {
            const wide = [...document.body.querySelectorAll('*')].filter(e => {
              const r = e.getBoundingClientRect();
              return r.width > 0 && r.right > width + 1 && !hidden(e) && clippers(e).length === 0
                && (e.parentElement.getBoundingClientRect().right <= width + 1 || e.parentElement === document.body);
            });
            problems.push(`the page scrolls sideways (${root.scrollWidth} px in ${width} px); sticking out: ${wide.slice(0, 5).map(describe).join('; ') || 'nothing visible'}`);
          }
          for (const table of document.querySelectorAll('table')) {
            if (hidden(table)) continue;
            const scroller = clippers(table)[0];
            if (!scroller) {
              if (table.getBoundingClientRect().right > width + 1) problems.push(`${describe(table)} is wider than the page and not in a scroller`);
              continue;
            }
            if (scroller.scrollWidth <= scroller.clientWidth + 1) continue;
            const style = getComputedStyle(scroller);
            if (style.overflowX === 'hidden' || style.overflowX === 'clip') { problems.push(`${describe(table)} is cut by ${describe(scroller)} (overflow ${style.overflowX})`); continue; }
            const missing = [];
            if (scroller.tabIndex < 0) missing.push('tabindex=0');
            if (!scroller.getAttribute('aria-label') && !scroller.getAttribute('aria-labelledby')) missing.push('a name');
            const cue = style.backgroundImage !== 'none'
              || [...(scroller.parentElement ?? scroller).querySelectorAll('[data-scroll-cue]')].some(c => !hidden(c));
            if (!cue) missing.push('a visible scroll cue');
            if (missing.length) problems.push(`${describe(table)} (${table.scrollWidth} px) scrolls in a ${scroller.clientWidth} px ${describe(scroller).split(' ')[0]} without ${missing.join(', ')}`);
          }
          for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6, caption')) {
            if (hidden(heading)) continue;
            const range = document.createRange();
            range.selectNodeContents(heading);
            const text = range.getBoundingClientRect();
            if (text.width === 0) continue;
            if (text.right > width + 1) { problems.push(`${describe(heading)} runs past the page's right edge (${Math.round(text.right)} px of ${width})`); continue; }
            const boxes = getComputedStyle(heading).overflowX !== 'visible' ? [heading, ...clippers(heading)] : clippers(heading);
            const cutBy = boxes.find(b => { const r = b.getBoundingClientRect(); return text.right > r.right + 1 || text.left < r.left - 1; });
            if (cutBy) problems.push(`${describe(heading)} is cut by ${describe(cutBy).split(' ')[0]} (its text ${Math.round(text.width)} px, the box ${Math.round(cutBy.getBoundingClientRect().width)} px)`);
          }
          const h1s = [...document.querySelectorAll('h1')].filter(h => !hidden(h));
          if (h1s.length !== 1) problems.push(`${h1s.length} visible h1 headings, not one`);
          for (const call of document.querySelectorAll('a[href^="tel:"]')) {
            const number = call.querySelector('.number') ?? call;
            if (hidden(number) || !/^[+\d\s()./-]+$/.test(number.textContent.trim())) continue;
            const range = document.createRange();
            range.selectNodeContents(number);
            const pieces = [...range.getClientRects()].filter(r => r.width > 0);
            if (pieces.some(r => r.top >= pieces[0].bottom - 1)) problems.push(`the phone number ${describe(number)} breaks over two lines`);
          }
          return problems;
        }
        """;

    /// <summary>
    /// Focuses every focusable, visible element in turn and measures its focus indicator: the
    /// outline's style and width, and the contrast of its colour against the background it is
    /// drawn on (the first background that is not transparent, walking up from the element's
    /// parent, or from the element when the outline is drawn inside it; the page is white behind
    /// all). Returns one row per element: what, outline, background, contrast (0 when there is no
    /// outline). Press a key first so that :focus-visible rules apply as for a keyboard user.
    /// </summary>
    public const string FocusIndicators = "() => {" + Describe + """
          const parse = c => {
            const m = /rgba?\(([^)]+)\)/.exec(c);
            if (!m) return null;
            const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
            return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
          };
          const over = (top, below) => ({ r: top.r * top.a + below.r * (1 - top.a), g: top.g * top.a + below.g * (1 - top.a), b: top.b * top.a + below.b * (1 - top.a), a: 1 });
          const backgroundFrom = start => {
            const layers = [];
            for (let e = start; e; e = e.parentElement) {
              const c = parse(getComputedStyle(e).backgroundColor);
              if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
            }
            return layers.reduceRight((below, top) => over(top, below), { r: 255, g: 255, b: 255, a: 1 });
          };
          const luminance = c => {
            const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
          };
          const hex = c => '#' + [c.r, c.g, c.b].map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
          const rows = [];
          const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          for (const element of document.querySelectorAll(selector)) {
            if (element.disabled || element.closest('[inert]')) continue;
            element.focus({ preventScroll: true });
            if (document.activeElement !== element) continue;
            if (!element.checkVisibility({ visibilityProperty: true }) || element.getClientRects().length === 0) continue;
            const style = getComputedStyle(element);
            const width = parseFloat(style.outlineWidth) || 0;
            const color = parse(style.outlineColor);
            const background = backgroundFrom(parseFloat(style.outlineOffset) < 0 ? element : element.parentElement);
            let contrast = 0;
            if (style.outlineStyle !== 'none' && width > 0 && color && color.a > 0) {
              const drawn = over(color, background);
              const [l1, l2] = [luminance(drawn), luminance(background)].sort((a, b) => b - a);
              contrast = (l1 + 0.05) / (l2 + 0.05);
            }
            rows.push({ what: describe(element), outline: `${style.outlineStyle} ${width}px ${color ? hex(color) : style.outlineColor}`, width, background: hex(background), contrast });
          }
          document.activeElement?.blur?.();
          return rows;
        }
        """;

    /// <summary>
    /// The text a reader meets on the page, outside elements marked with an English lang: the
    /// title, the meta description, every visible text node (closed details opened first), and
    /// the alt, title, aria-label and placeholder attributes and the value of input buttons.
    /// Returns rows: where (a short element name and the kind) and the text.
    /// </summary>
    public const string ReaderText = "() => {" + Describe + """
          const rows = [];
          const english = e => { const marked = e.closest('[lang]'); return !!marked && /^en\b/i.test(marked.getAttribute('lang')); };
          const clean = t => (t || '').replace(/\s+/g, ' ').trim();
          const add = (where, text) => { text = clean(text); if (/\p{L}/u.test(text)) rows.push({ where, text }); };
          if (!english(document.documentElement)) add('title', document.title);
          const meta = document.querySelector('meta[name=description]');
          if (meta && !english(meta)) add('meta description', meta.content);
          for (const details of document.querySelectorAll('details:not([open])')) details.open = true;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!parent || parent.closest('script, style, noscript, template') || english(parent)) continue;
            if (!parent.checkVisibility({ visibilityProperty: true }) && !parent.closest('.skip-link, .visually-hidden')) continue;
            add(describe(parent).split(' ')[0], node.textContent);
          }
          for (const e of document.body.querySelectorAll('[alt], [title], [aria-label], [placeholder], input[type=submit][value], input[type=button][value], input[type=reset][value]')) {
            if (english(e)) continue;
            const name = describe(e).split(' ')[0];
            for (const attribute of ['alt', 'title', 'aria-label', 'placeholder']) if (e.hasAttribute(attribute)) add(`${name} ${attribute}`, e.getAttribute(attribute));
            if (e.tagName === 'INPUT' && /^(submit|button|reset)$/.test(e.type)) add(`${name} value`, e.value);
          }
          return rows;
        }
        """;
}

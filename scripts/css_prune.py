"""Drop the style rules a static report can never use.

nbconvert's lab template inlines JupyterLab's whole style sheet (about 540 KB: menus, file browser,
dialogs ...) into every report. A rule whose every selector needs a class that appears nowhere in the
page cannot match anything, so it goes; everything else stays as written: element and variable rules,
@font-face and @keyframes, rules of qtlab's own classes (which the page's script may add later).

Used by scripts/nbrun.py on the exported HTML. Pure text in, text out.
"""
import re

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_STYLE_BLOCK = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.S | re.I)
_FUNCTIONAL = re.compile(r":(?:not|is|where|has|matches|-webkit-any|-moz-any)\(")
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ATTR = re.compile(r"\[[^\]]*\]")
_KEEP_PREFIXES = ("qtlab",)


def page_classes(html: str) -> set:
    """Every class name used in the page's markup (style blocks excluded)."""
    markup = _STYLE_BLOCK.sub("", html)
    classes = set()
    for m in _CLASS_ATTR.finditer(markup):
        classes.update((m.group(1) or m.group(2) or "").split())
    return classes


def _strip_functional(selector: str) -> str:
    """Remove :not(...), :is(...) etc. with their arguments: what they name is not required to exist."""
    if "(" not in selector:
        return selector
    out, i = [], 0
    while True:
        m = _FUNCTIONAL.search(selector, i)
        if not m:
            out.append(selector[i:])
            return "".join(out)
        out.append(selector[i:m.start()])
        depth, j = 1, m.end()
        while j < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[j], 0)
            j += 1
        i = j


def split_selectors(prelude: str) -> list:
    """Split a selector list at its top-level commas (not those inside (...) or [...])."""
    if "(" not in prelude and "[" not in prelude:
        return [p.strip() for p in prelude.split(",") if p.strip()]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(prelude):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(prelude[start:i])
            start = i + 1
    parts.append(prelude[start:])
    return [p.strip() for p in parts if p.strip()]


def selector_can_match(selector: str, classes: set) -> bool:
    if "." not in selector:
        return True
    required = _CLASS.findall(_ATTR.sub("", _strip_functional(selector)) if "[" in selector else _strip_functional(selector))
    return all(c in classes or c.startswith(_KEEP_PREFIXES) for c in required)


_TOKEN = re.compile(r"[{};]")


def _blocks(css: str):
    """Top-level (prelude, body) pairs; body is None for statements such as @import. Walks the braces
    and semicolons only (comments are already gone), so a large sheet parses in milliseconds."""
    i, depth, start, brace = 0, 0, 0, -1
    for m in _TOKEN.finditer(css):
        ch, at = m.group(), m.start()
        if ch == "{":
            if depth == 0:
                brace = at
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                yield css[start:brace].strip(), css[brace + 1:at]
                start = at + 1
        elif depth == 0:  # a top-level statement: @import ...; @charset ...;
            yield css[start:at + 1].strip(), None
            start = at + 1
    rest = css[start:].strip()
    if rest:
        yield rest, None


def prune_css(css: str, classes: set) -> str:
    out = []
    for prelude, body in _blocks(_COMMENT.sub("", css)):
        if body is None:
            if prelude.startswith("@"):
                out.append(prelude)
        elif prelude.startswith(("@media", "@supports", "@layer", "@document")):
            inner = prune_css(body, classes)
            if inner.strip():
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @font-face, @keyframes, @page: kept whole
        else:
            kept = [s for s in split_selectors(prelude) if selector_can_match(s, classes)]
            if kept:
                out.append(f"{','.join(kept)}{{{body.strip()}}}")
    return "\n".join(out)


def prune_html_styles(html: str) -> str:
    """The page with the <style> blocks of its <head> (the template's style sheets) pruned to the rules
    its markup can use. Style blocks inside the body belong to the outputs (Plot's charts) and stay
    byte for byte as the notebook produced them."""
    end = html.find("</head>")
    if end < 0:
        return html
    classes = page_classes(html)
    head = _STYLE_BLOCK.sub(lambda m: m.group(1) + prune_css(m.group(2), classes) + m.group(3), html[:end])
    return head + html[end:]

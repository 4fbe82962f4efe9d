"""Every word a person reads in the console comes from its message catalogue (Public/js/zh-CN.js):
no other file of Public/js holds Chinese (CJK characters or full-width punctuation) in its code.
Comments may name the county's words for the reader of the code; they are left out.

Reads the files only: no server, no browser.
"""

import re
from pathlib import Path

CONSOLE = Path(__file__).resolve().parents[2] / "Public" / "js"
CATALOGUE = CONSOLE / "zh-CN.js"
CHINESE = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
# After these a `/` starts a regular expression, not a division.
REGEX_BEFORE = set("(,=:[!&|?{};+-*%<>~^") | {""}


def code_of(source):
    """The source with its comments blanked out (strings, templates and regular expressions
    kept), line breaks kept so that line numbers still match."""
    out, i, n = [], 0, len(source)
    templates = []  # brace depth at each open `${`, innermost last
    depth = 0
    last = ""  # the last significant character of code

    def string(quote, start):
        j = start + 1
        while j < n and source[j] != quote:
            if source[j] == "\\":
                j += 1
            elif quote == "`" and source.startswith("${", j):
                return j, True
            j += 1
        return j, False

    while i < n:
        c = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", source[i:end]))
            i = end
        elif c in "'\"`" or (c == "}" and templates and templates[-1] == depth):
            if c == "}":
                templates.pop()
            end, opened = string("`" if c in "`}" else c, i)
            if opened:
                templates.append(depth)
                out.append(source[i:end + 2])
                i = end + 2
            else:
                out.append(source[i:end + 1])
                i = end + 1
            last = "a"
        elif c == "/" and (last in REGEX_BEFORE or re.search(r"\breturn\s*$", "".join(out[-3:]))):
            j, in_class = i + 1, False
            while j < n and (source[j] != "/" or in_class):
                if source[j] == "\\":
                    j += 1
                elif source[j] == "[":
                    in_class = True
                elif source[j] == "]":
                    in_class = False
                j += 1
            out.append(source[i:j + 1])
            i = j + 1
            last = "a"
        else:
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            if not c.isspace():
                last = c
            out.append(c)
            i += 1
    return "".join(out)


def chinese_in_code(path):
    return [f"{path.relative_to(CONSOLE)}:{number}: {line.strip()}"
            for number, line in enumerate(code_of(path.read_text(encoding="utf-8")).splitlines(), 1)
            if CHINESE.search(line)]


def test_every_chinese_word_of_the_console_is_in_its_catalogue():
    files = [p for p in sorted(CONSOLE.rglob("*.js")) if p != CATALOGUE]
    assert len(files) > 30, "the console's modules are where this test looks for them"
    found = [hit for path in files for hit in chinese_in_code(path)]
    assert found == [], "Chinese outside Public/js/zh-CN.js:\n" + "\n".join(found)


def test_the_check_sees_chinese_in_strings_templates_and_regular_expressions_but_not_comments():
    source = "\n".join([
        "// 注释里的词可以留下",
        "/* 块注释 */ const a = 'http://例子';",
        "const b = `${x ? `嵌套：${y}` : ''}`;",
        "const c = x / 2; // 除法之后的注释",
        "const d = s.replace(/万元$/, '');",
        "const e = `${a}` + 1; /* 又一个注释 */",
    ])
    code = code_of(source).splitlines()
    assert [bool(CHINESE.search(line)) for line in code] == [False, True, True, False, True, False]

"""Numbers as clerks type them (DOMAIN.md): the console's parser (`readNumber` in Public/js/format.js)
reads every case of Tests/clerk-numbers.json as the table says, in Chromium; the Swift tests of
`ClerkNumber` read the same table, so the console and the server cannot read a number differently."""
import json
from pathlib import Path

from test_console import Console

CASES = json.loads((Path(__file__).resolve().parent.parent / "clerk-numbers.json").read_text(encoding="utf-8"))["cases"]


def test_the_console_reads_every_typed_number_as_the_server_does(server, artifacts):
    page = Console(server, artifacts, "numbers")
    try:
        page.driver.get(f"{server.url}/")
        results = page.driver.execute_async_script("""
            const [cases, done] = arguments;
            import('/js/format.js').then(
              (m) => done(cases.map((c) => ({ number: m.readNumber(c.text, c.unit), amount: m.readAmount(c.text) }))),
              (e) => done(String(e)));
        """, CASES)
        assert isinstance(results, list), results
        wrong = []
        for case, got in zip(CASES, results):
            expected = None if case["value"] is None else float(case["value"])
            if got["number"] != expected:
                wrong.append(f"{case['text']!r} ({case['unit']}): {got['number']!r}, the table says {expected!r}")
            # an amount box: a money case is read, anything else is handed to the API as typed
            if case["unit"] == "万元" and case["text"].strip():
                want = expected if expected is not None else case["text"]
                if got["amount"] != want:
                    wrong.append(f"{case['text']!r} in an amount box: {got['amount']!r}, expected {want!r}")
        assert wrong == []
    finally:
        page.quit()

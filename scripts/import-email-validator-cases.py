#!/usr/bin/env python3
"""Extracts python email-validator's syntax test cases as data for tests/email_oracle.rs.

Usage:
    pip download --no-deps --no-binary :all: email-validator==2.4.0
    tar xzf email_validator-2.4.0.tar.gz
    scripts/import-email-validator-cases.py email_validator-2.4.0/tests/test_syntax.py > cases.tsv

Prints `input<TAB>upstream` lines, `upstream` being what email-validator's own test asserts:
`valid`, `invalid`, or `valid-with:<option>` (valid only with that non-default option, so
invalid by default). The crate's verdict and the reasons for each difference are then added by
hand in tests/data/email-validator/test_syntax.txt (see its header). Reads the test file with
`ast`: no code of email-validator is run.
"""

import ast
import sys


def escape(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "#":
            out.append("\\u{23}")
        elif not ch.isprintable() or ch.isspace() and ch != " " or ord(ch) in range(0xD800, 0xE000):
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


def first_strings(node):
    """The first string of each tuple or list in a parametrize list."""
    for element in node.elts:
        first = element.elts[0] if isinstance(element, (ast.Tuple, ast.List)) else element
        yield ast.literal_eval(first), element


def pyisemail_verdict(status):
    # The mapping email-validator's test_pyisemail_tests applies.
    if status == "ISEMAIL_VALID":
        return "valid"
    if status == "ISEMAIL_RFC5321_QUOTEDSTRING":
        return "valid-with:allow_quoted_local"
    if "_ADDRESSLITERAL" in status or status == "ISEMAIL_RFC5321_IPV6DEPRECATED":
        return "valid-with:allow_domain_literal"
    return "invalid"


VERDICTS = {
    "test_email_valid": "valid",
    "test_email_valid_intl_local_part": "valid",
    "test_email_valid_only_if_quoted_local_part": "valid-with:allow_quoted_local",
    "test_email_invalid_syntax": "invalid",
    "test_email_invalid_syntax_strict": "valid",
    "test_email_invalid_syntax_display_name": "invalid",
    "test_email_invalid_reserved_domain": "invalid",
    "test_email_invalid_character_smtputf8_off": "invalid",
}


def main():
    tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
    seen = set()

    def emit(text, verdict, source):
        if text in seen:
            return
        seen.add(text)
        print(f"{escape(text)}\t{verdict}\t{source}")

    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef):
            continue
        for deco in fn.decorator_list:
            if not (isinstance(deco, ast.Call) and getattr(deco.func, "attr", "") == "parametrize"):
                continue
            cases = deco.args[1]
            for text, element in first_strings(cases):
                if fn.name == "test_pyisemail_tests":
                    status = ast.literal_eval(element.elts[1])
                    emit(text, pyisemail_verdict(status), f"{fn.name} {status}")
                elif fn.name == "test_email_unsafe_character":
                    emit(text + "@test", "invalid", fn.name)
                    emit("test@" + text, "invalid", fn.name)
                elif fn.name == "test_email_valid" and ('"' in text or "<" in text):
                    # That test passes allow_quoted_local=True and allow_display_name=True.
                    emit(text, "valid-with:allow_display_name+allow_quoted_local", fn.name)
                elif fn.name == "test_email_valid_intl_local_part" and "<" in text:
                    # That test passes allow_display_name=True.
                    emit(text, "valid-with:allow_display_name", fn.name)
                elif fn.name in VERDICTS:
                    emit(text, VERDICTS[fn.name], fn.name)
        # Calls outside parametrize lists: validate_email("literal", options...).
        if fn.name in ("test_domain_literal", "test_email_empty_local",
                       "test_email_test_domain_name_in_test_environment",
                       "test_case_insensitive_mailbox_name"):
            for node in ast.walk(fn):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "validate_email" \
                        and node.args and isinstance(node.args[0], ast.Constant):
                    options = sorted(k.arg for k in node.keywords
                                     if k.arg in ("allow_domain_literal", "allow_empty_local",
                                                  "allow_quoted_local", "test_environment"))
                    verdict = "valid-with:" + "+".join(options) if options else "valid"
                    emit(node.args[0].value, verdict, fn.name)


if __name__ == "__main__":
    main()

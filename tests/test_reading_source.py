"""Tests for lawgov_metrics.reading.source: files, decoding, HTML, the input boundary."""

from __future__ import annotations

import codecs
import pathlib
import tempfile

import hypothesis.strategies as st
import pytest
from hypothesis import given

import lawgov_metrics as lm
from lawgov_metrics.reading.html import html_to_text
from lawgov_metrics.reading.source import clean_text, decode, read_source

TEXT = "花都区司法局关于2023年度法治政府建设情况的报告\n收到行政复议申请786宗,同比增长68.67%。"


def _write(tmp: pathlib.Path, name: str, data: bytes) -> pathlib.Path:
    path = tmp / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", TEXT.encode("utf-8")),
        ("gb.txt", TEXT.encode("gb18030")),
        ("bom8.txt", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("bom16le.txt", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le")),
        ("bom16be.txt", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("bom32le.txt", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le")),
        ("bom32be.txt", codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be")),
        ("nobom16le.txt", TEXT.encode("utf-16-le")),
        ("nobom16be.txt", TEXT.encode("utf-16-be")),
    ],
)
def test_every_encoding_reads_the_same_report(
    tmp_path: pathlib.Path, name: str, data: bytes
) -> None:
    report = lm.read_report(_write(tmp_path, name, data))
    assert report.text == TEXT
    assert report.warnings == ()
    assert (report.jurisdiction, report.year) == ("花都区司法局", 2023)
    assert [f.quote for f in report.figures] == ["786宗", "68.67%"]


def test_read_report_encodings_and_an_explicit_codec(tmp_path: pathlib.Path) -> None:
    text = "办理案件12件。"
    for name, data in [
        ("a.txt", text.encode("utf-8")),
        ("b.txt", text.encode("gb18030")),
        ("c.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("d.html", ('<meta charset="gbk"><p>' + text + "</p>").encode("gbk")),
    ]:
        report = lm.read_report(_write(tmp_path, name, data))
        assert [f.quote for f in report.figures] == ["12件"], name
    with pytest.raises(lm.ParseError):
        lm.read_report(tmp_path / "b.txt", encoding="ascii")


def test_one_bad_byte_keeps_utf8_and_says_so(tmp_path: pathlib.Path) -> None:
    raw = TEXT.encode("utf-8")
    i = raw.index("同比".encode())
    bad = raw[:i] + b"\xff" + raw[i:]
    report = lm.read_report(_write(tmp_path, "bad.txt", bad))
    assert report.text.replace("\ufffd", "") == TEXT
    assert report.warnings == ("1 undecodable character replaced with U+FFFD (read as UTF-8)",)
    assert (report.jurisdiction, report.year, len(report.figures)) == ("花都区司法局", 2023, 2)


def test_a_truncated_last_character_keeps_utf8(tmp_path: pathlib.Path) -> None:
    raw = TEXT.encode("utf-8")[:-1]
    report = lm.read_report(_write(tmp_path, "cut.txt", raw))
    assert report.text[:-1] == TEXT[:-1]
    assert report.text.endswith("\ufffd")
    assert len(report.warnings) == 1


def test_a_declared_charset_the_bytes_do_not_honour_is_ignored(tmp_path: pathlib.Path) -> None:
    # the page says UTF-8 but the bytes are GBK: read as GB18030, not as garbage
    page = f'<html><head><meta charset="utf-8"></head><body><p>{TEXT}</p></body></html>'
    report = lm.read_report(_write(tmp_path, "lie.html", page.encode("gbk")))
    assert report.text == TEXT
    assert report.warnings == ()
    # and a declared charset the bytes honour wins over UTF-8
    page2 = f'<meta charset="gb18030"><p>{TEXT}</p>'
    assert lm.read_report(_write(tmp_path, "ok.html", page2.encode("gb18030"))).text == TEXT


def test_bytes_no_codec_reads_are_utf8_with_replacement() -> None:
    raw = bytes(range(0x80, 0x100)) * 3
    text, warnings = decode(raw)
    assert text.count("\ufffd") > 0
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{text.count(chr(0xFFFD))} undecodable characters")


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 5 >>\nstream\n\x00\x01\x02\x03",
            "a PDF document, not text",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00", "binary data"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15" * 8, "binary data"),
    ],
)
def test_binary_input_is_a_read_error(tmp_path: pathlib.Path, data: bytes, why: str) -> None:
    path = _write(tmp_path, "x.txt", data)
    with pytest.raises(lm.ReadError) as info:
        lm.read_report(path)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, lm.LawgovMetricsError)
    assert str(path) in str(info.value)
    assert why in info.value.reason


def test_an_empty_file_is_an_empty_report(tmp_path: pathlib.Path) -> None:
    report = lm.read_report(_write(tmp_path, "empty.txt", b""))
    assert (report.text, report.figures, report.warnings) == ("", (), ())


def test_lone_surrogates_are_replaced_keeping_offsets() -> None:
    text = "办理\ud800案件12件,\udfff同比增长5%。"
    report = lm.extract(text)
    assert len(report.text) == len(text)
    assert "\ud800" not in report.text
    assert report.text == text.replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")
    assert report.warnings == ("2 lone surrogates replaced with U+FFFD",)
    for f in report.figures:
        assert report.text[f.span[0] : f.span[1]] == f.quote
    # the report now encodes (the JSON writer and pyarrow need that)
    report.text.encode("utf-8")
    assert clean_text("无") == ("无", ())


@given(st.text(max_size=200))
def test_clean_text_keeps_length_and_encodes(text: str) -> None:
    cleaned, warnings = clean_text(text)
    assert len(cleaned) == len(text)
    cleaned.encode("utf-8")
    assert bool(warnings) == (cleaned != text)


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300),
    st.sampled_from(["utf-8", "utf-16", "utf-32", "gb18030"]),
)
def test_decode_round_trips(text: str, codec: str) -> None:
    # utf-16 / utf-32 write a BOM; gb18030 and utf-8 need none
    raw = text.encode(codec)
    got, warnings = decode(raw)
    if codec == "gb18030" and got != text:
        # GB18030 bytes that also happen to be valid UTF-8 read as UTF-8: the one
        # ambiguity of text without a BOM (UTF-8 comes first)
        assert raw.decode("utf-8", errors="strict") == got
        return
    assert got == text
    assert warnings == ()


def test_read_source_names_what_it_read(tmp_path: pathlib.Path) -> None:
    html = _write(tmp_path, "page.htm", "<p>办理案件12件</p>".encode("gbk"))
    src = read_source(html)
    assert (src.text, src.is_html, src.path) == ("办理案件12件", True, str(html))


# ---------------------------------------------------------------------------------------
# HTML


def test_html_to_text_keeps_order_and_drops_scripts() -> None:
    html = (
        "<html><head><title>t</title><style>x{}</style></head><body><div>甲</div>"
        "<script>var a=5;</script><p>乙<b>丙</b></p></body></html>"
    )
    assert html_to_text(html) == "甲\n\n乙丙"
    assert lm.html_to_text is html_to_text


def test_html_tables_become_pipe_rows() -> None:
    html = "<table><tr><td>行政许可</td><td>4736</td></tr></table>"
    report = lm.extract(html_to_text(html))
    assert [(f.quote, f.subject) for f in report.figures] == [("4736", "行政许可")]


def test_html_furniture_is_ignored() -> None:
    report = lm.read_report(pathlib.Path(__file__).parent / "data" / "nanan-sfj-2024.html")
    quotes = [f.quote for f in report.figures]
    assert "12345" not in quotes
    assert "2381" not in quotes


@given(st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"])))
def test_text_is_never_taken_for_binary_data(text: str) -> None:
    for raw in (text.encode("utf-8"), text.encode("gb18030", errors="ignore")):
        with tempfile.TemporaryDirectory() as d:
            path = pathlib.Path(d) / "r.txt"
            path.write_bytes(raw)
            assert lm.read_report(path).text == lm.read_report(path).text  # no ReadError


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: pathlib.Path, codec: str) -> None:
    # 一 (U+4E00) puts a NUL byte at the other parity than the ASCII digits do
    text = "收到行政复议申请786宗,同比增长68.67%。一二三 2023年"
    report = lm.read_report(_write(tmp_path, "r.txt", text.encode(codec)))
    assert report.text == text

#!/usr/bin/env python3
"""The romaji of every Japanese title of bangumi-data, read by cutlet (MeCab with UniDic, in
modified Hepburn: long vowels as ou and uu, the particles は, へ and を as wa, e and o), written to
.ci/bangumi-data/readings.json, which the import reads (README, "Names").

  readings.py DATA_JSON OUT_JSON     write the readings
  readings.py DATA_JSON OUT_JSON --check
                                     exit 1 when OUT_JSON is not what this would write

A reading that cutlet cannot make whole (a character it does not know, which it writes as "?")
is left out: the work then has no romaji, never a wrong-looking one. Katakana loanwords are
transliterated (フリーレン: "Furiiren"), not guessed back to a foreign spelling: cutlet's guesses
("free Ren") were wrong more often than right on the hand-labelled sample
(tests/fixtures/names/README.md).
"""
import json
from importlib.metadata import version
import re
import sys
import unicodedata

import cutlet

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
KANJI = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")


def reader():
    k = cutlet.Cutlet("hepburn")
    k.use_foreign_spelling = False
    k.use_wo = False
    return k


def reading(k, title, sure_only=True):
    """The romaji of a title, or None when it cannot be read whole (or, with sure_only, when
    the dictionary is unsure of its kanji words)."""
    # × is read as the x fans type (SPY×FAMILY), which cutlet would not know.
    # ・ between words is a space (ブラック・ジャック is "Burakku Jakku", not "Burakku/Jakku").
    text = unicodedata.normalize("NFKC", title).replace("×", "x").replace("・", " ").strip()
    if not JAPANESE.search(text):
        return None
    if sure_only and unsure(k, text):
        return None
    out = k.romaji(text, title=True)
    out = re.sub(r"\s+", " ", out).strip()
    out = re.sub(r"\bDai(\d)", r"Dai \1", out)
    out = re.sub(r"(?<=[a-z])'([A-Z])", lambda m: "'" + m.group(1).lower(), out)  # Gen'ei, not Gen'Ei
    out = re.sub(r"\s+([!?.,])", r"\1", out)
    # A subtitle between tildes or dashes at the end, as AniList writes it: "X: Subtitle".
    subtitle = re.fullmatch(r"(.*?[^\s~-])\s*[~-]\s*([^~]*?[^\s~-])\s*[~-]", out)
    if subtitle:
        out = f"{subtitle.group(1)}: {subtitle.group(2)}"
    # cutlet writes "?" for a character it cannot read: more of them than the title has is a
    # reading with a hole in it.
    if not out or out.count("?") > text.count("?") or not out.isascii() or not re.search(r"[A-Za-z]", out):
        return None
    # Latin words of the title stay as the title writes them (THE ANIMATION, not THE Animation).
    written = {w.lower(): w for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'.]*", text) if w.isascii()}
    return re.sub(r"[A-Za-z0-9][A-Za-z0-9'.]*", lambda m: written.get(m.group(0).lower(), m.group(0)), out)


def unsure(k, text):
    """Whether the dictionary does not know the title's kanji words: a run of kanji cut into
    one-kanji words (鬼滅 read as 鬼 and 滅), or a word it does not know at all. Such readings
    were right less than half the time on the hand-labelled sample, against four in five for
    the rest (tests/fixtures/names/README.md): they are left out."""
    words = list(k.tagger(text))
    for a, b in zip(words, words[1:]):
        if len(a.surface) == 1 and len(b.surface) == 1 and KANJI.fullmatch(a.surface) and KANJI.fullmatch(b.surface):
            return True
    return any(w.is_unk and KANJI.search(w.surface) for w in words)


def spelled(foreign, title, own):
    """The words of the title read with its loanwords spelled as in English (cutlet's foreign
    spelling: サーカス "Circus", プレイボール "Play Ball") that its own reading lacks: what a fan
    types for them, which search finds beside the reading. None when there are none."""
    # ・ between words is a space (ブラック・ジャック is "Burakku Jakku", not "Burakku/Jakku").
    text = unicodedata.normalize("NFKC", title).replace("×", "x").replace("・", " ").strip()
    if not JAPANESE.search(text):
        return None
    out = foreign.romaji(text, title=True)
    if out.count("?") > text.count("?") or not out.isascii():
        return None
    def words(reading):
        return [w for w in re.split(r"[^A-Za-z0-9]+", reading or "") if w]
    have = {w.lower() for w in words(own)} | {w.lower() for w in words(text)}
    extra = []
    for w in words(out):
        if w.lower() not in have and w.lower() not in {e.lower() for e in extra} and re.search(r"[A-Za-z]", w):
            extra.append(w)
    return " ".join(extra) or None


def readings(items):
    """The sure readings (None where there is none); the whole but unsure readings of the
    rest, which only make addresses (a slug in Latin letters rather than a number), never a
    name a page shows; and the loanwords spelled as in English, for search."""
    k = reader()
    foreign = cutlet.Cutlet("hepburn")
    foreign.use_foreign_spelling = True
    foreign.use_wo = False
    out, unsure_out, spelled_out = {}, {}, {}
    for item in items:
        if item.get("lang") != "ja":
            continue
        title = item.get("title")
        if not isinstance(title, str) or title in out:
            continue
        out[title] = reading(k, title)
        if out[title] is None:
            whole = reading(k, title, sure_only=False)
            if whole is not None:
                unsure_out[title] = whole
        loanwords = spelled(foreign, title, out[title] or unsure_out.get(title))
        if loanwords:
            spelled_out[title] = loanwords
    return dict(sorted(out.items())), dict(sorted(unsure_out.items())), dict(sorted(spelled_out.items()))


def main(argv):
    if len(argv) < 2 or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv[:1] in (["-h"], ["--help"]) else 2
    items = json.load(open(argv[0], encoding="utf-8"))["items"]
    sure, unsure_readings, loanwords = readings(items)
    about = ("Romaji of bangumi-data's Japanese titles, by .ci/readings/readings.py (cutlet " + version("cutlet") + ", unidic-lite " + version("unidic-lite")
             + "): null where a title cannot be read whole or the dictionary is unsure of its words; \"unsure\" holds those unsure readings, for addresses only; \"spelled\" the loanwords of a title as spelled in English (cutlet's foreign spelling), for search only.")
    text = json.dumps({"about": about, "readings": sure, "unsure": unsure_readings, "spelled": loanwords}, ensure_ascii=False, indent=1) + "\n"
    if "--check" in argv[2:]:
        try:
            same = open(argv[1], encoding="utf-8").read() == text
        except FileNotFoundError:
            same = False
        if not same:
            print(f"{argv[1]} is not what .ci/readings/readings.py writes for {argv[0]}: run it again and commit the file", file=sys.stderr)
            return 1
        return 0
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

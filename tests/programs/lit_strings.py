# SPDX-License-Identifier: GPL-3.0-or-later
# String literal forms: quotes, escapes (\n \t \\ \' \" \xhh \uhhhh \Uhhhhhhhh), raw and triple-quoted strings.


def main() -> None:
    a = 'single'
    b = "double"
    c = 'it\'s'
    d = "say \"hi\""
    print(a, b, c, d, len(c), len(d))
    print("tab:\t|", "nl:\\n", "x41:\x41", "u263a:\u263a", "U1f600:\U0001F600", "oct:\101")
    print(r"raw \n \t \\", r'raw \'q\'', len(r"\n"), repr(r"C:\path\new"))
    t = """triple "double" quotes
second line\twith tab"""
    print(t)
    u = '''it's
'''
    print(repr(u), len(u))
    print("adjacent " "literals " 'joined', "line \
continued")
    e = ""
    print(repr(e), len(e), e == '', "\0" == "\x00", "\u00e9" == "é", "end")

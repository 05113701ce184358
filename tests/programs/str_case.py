# SPDX-License-Identifier: GPL-3.0-or-later
# upper, lower and title with Unicode case mappings (ß, ligatures, Greek sigma, Turkish i).


def main() -> None:
    print("Hello World".upper(), "Hello World".lower(), "hello world".title())
    print("ß".upper(), "straße".upper(), "ﬁne".upper(), "ŉ".upper(), "ǅ".lower(), "ǆ".title())
    print("ΑΣ".lower(), "ΟΔΟΣ".lower(), "σς".upper(), "İ".lower(), len("İ".lower()), "ı".upper())
    print("they're bill's friends".title(), "hello-world foo_bar 3rd".title(), "ǉubljana".title())
    print("MiXeD 123 !?".lower(), "MiXeD 123 !?".upper(), "élan ÉCOLE".title(), "".upper())
    print("aBc".upper() == "ABC", "ÀÉÎ".lower(), "àéî".upper(), "ﬀ".title(), "Ⅷ".lower())
    words = "the quick brown fox".split()
    caps: list[str] = []
    for w in words:
        caps.append(w[0].upper() + w[1:].lower())
    print(" ".join(caps), " ".join(caps).lower().title() == " ".join(caps))

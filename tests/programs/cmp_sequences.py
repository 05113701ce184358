# SPDX-License-Identifier: GPL-3.0-or-later
# Lexicographic comparison of lists, tuples and strings; == on lists, dicts and tuples.


def main() -> None:
    print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [0] > [0, 0][:0], [3] > [2, 9], [1, 2] <= [1, 2])
    print([1, 2] == [1, 2], [1, 2] != [2, 1], [[1], [2]] == [[1], [2]])
    print((1, "b") < (1, "c"), (2, "a") > (1, "z"), (1, 2) == (1, 2), (1, 2.5) >= (1, 2.5))
    print("é" > "z", "Z" < "a", "apple" < "apricot", "a" * 3 == "aaa", "" < "a", "ab" < "a")
    print([[1, 2], [3]] < [[1, 2], [4]], ["b"] > ["abc"], ["a", "b"] < ["a", "b", ""])
    print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {"a": [1]} == {"a": [1]})
    print([1.0, 2.0] == [1.0, 2.0], [0.0] == [-0.0], (0.1 + 0.2, 1) == (0.3, 1))
    words = ["pear", "Apple", "apple", "Pear", "äpfel", "zebra"]
    best = words[0]
    for w in words:
        if w < best:
            best = w
    print(best, sorted(words))

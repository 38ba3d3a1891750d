"""Which colours ``[[color:NAME:text]]`` may use: CSS colour keywords and ``#rgb``/``#rrggbb``, nothing else.

The name lands in a ``style`` attribute, so it is checked against a fixed list rather than escaped: no author text
ever reaches the CSS, only one of the values below (lower-cased) or a validated hex colour.
"""

from __future__ import annotations

import re

CSS_COLOR_KEYWORDS = frozenset(
    """
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood
    cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod
    darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon
    darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray
    dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green
    greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon
    lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon
    lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta
    maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
    mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
    olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru
    pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen
    seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato
    turquoise violet wheat white whitesmoke yellow yellowgreen
    """.split()  # noqa: SIM905 - a word list reads best as words
)
"""The named colours of CSS Color Module Level 4 (``transparent``, ``currentcolor`` and system colours are not
colours an author picks for text)."""

_HEX_COLOR = re.compile(r"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})\Z")


def css_color(name: str) -> str | None:
    """The CSS value for a colour written in ``[[color:NAME:..]]``, or None if NAME is not an allowed colour."""
    name = name.strip()
    if _HEX_COLOR.match(name):
        return name.lower()
    lowered = name.lower()
    return lowered if lowered in CSS_COLOR_KEYWORDS else None

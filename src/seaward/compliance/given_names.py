"""Given names that are the same name in another language or a common short form.

"John" is "Juan", "Johann", "Ivan", "Giovanni"; "Bill" is "William". Spelling metrics
cannot see these, so a small table of equivalence groups (folded, as ``names.tokenize``
writes them) lets the matcher treat them as near matches. Variants of one spelling
(Mohammed/Muhammad, Aleksandr/Alexander) are already caught by typo and sound rules.
"""

from __future__ import annotations

_GROUPS = """
john juan johann johannes jon ivan ioannis giovanni jean jan sean hans jovan joao jack
william bill will wilhelm guillermo guillaume willem wim
robert bob rob roberto robbie
michael mike michel miguel mikhail michele mikael mihail
alexander alex alexandr aleksandr alejandro alessandro sasha iskander alexandre aleksander
joseph jose giuseppe josef yusuf iosif youssef yousef joe
peter pedro pierre pietro pyotr petr piotr
paul pablo paolo pavel
james jim jaime jacques giacomo diego
benjamin ben benny
elizabeth liz beth elisabeth isabel isabella elisabetta yelizaveta
catherine katherine kate ekaterina yekaterina caterina katarzyna katharina
nicholas nick nicolas nikolai nicola nikolay nicolai niklas
stephen steven steve stefan esteban stepan stefano etienne
george jorge georg georgy giorgio georgios
andrew andre andreas andrei andres andrey andrzej andrea
anthony antonio anton antoine tony
charles carlos carlo karl karel charlie
francis francisco francesco francois franz frank
henry enrique enrico henri heinrich harry
edward eduardo edoardo edouard ed eduard
richard ricardo riccardo dick rick
thomas tomas tommaso tom foma
daniel danny dan daniil
samuel sam samuil
david dave dawid davide
mary maria marie mariya miriam maryam
anne anna ana ann hannah
margaret margarita marguerite maggie
helen helena elena yelena eleni
sophia sophie sofia sofiya
abraham ibrahim avraham
solomon suleiman sulayman shlomo
moses musa moshe
jesus isa
jacob yakov jakob yaqub
"""

_INDEX: dict[str, int] = {}
for _number, _line in enumerate(_GROUPS.strip().splitlines()):
    for _name in _line.split():
        _INDEX.setdefault(_name, _number)


def same_given_name(a: str, b: str) -> bool:
    """True when two folded tokens are listed as one given name in two forms."""
    group = _INDEX.get(a)
    return group is not None and a != b and _INDEX.get(b) == group

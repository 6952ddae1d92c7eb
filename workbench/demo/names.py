"""Invented given and family names in Latin, Greek and Cyrillic scripts for demo clients."""

from __future__ import annotations

# (given names, family names) per naming tradition; combinations are invented people.
NAME_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "english": (
        (
            "Olivia",
            "Harriet",
            "Jasmine",
            "Callum",
            "Rory",
            "Imogen",
            "Declan",
            "Maisie",
            "Toby",
            "Eleanor",
            "Graham",
            "Priya",
            "Nathan",
            "Fiona",
            "Marcus",
            "Bethany",
        ),
        (
            "Whitfield",
            "Ashworth",
            "Pemberton",
            "Hollis",
            "Carrow",
            "Fenwick",
            "Daventry",
            "Marlowe",
            "Thackeray",
            "Rowntree",
            "Bellamy",
            "Quayle",
            "Hartigan",
            "Oakley",
        ),
    ),
    "spanish": (
        (
            "Lucía",
            "Martín",
            "Inés",
            "Álvaro",
            "Begoña",
            "Joaquín",
            "Nuria",
            "Íñigo",
            "Rocío",
            "Sebastián",
            "Ainhoa",
            "Tomás",
        ),
        (
            "Ibáñez",
            "Ortega",
            "Muñoz",
            "Cifuentes",
            "Valdés",
            "Zubiría",
            "Peñalosa",
            "Arévalo",
            "Echeverría",
            "Santamaría",
        ),
    ),
    "hungarian": (
        ("Éva", "Zsófia", "Ágnes", "Bálint", "Gergő", "Réka", "Lőrinc", "Tünde"),
        ("Kovács", "Szőke", "Fehérvári", "Bárány", "Gulyás", "Tóth", "Vörös", "Hajdú"),
    ),
    "polish": (
        ("Małgorzata", "Łukasz", "Zbigniew", "Agnieszka", "Jędrzej", "Weronika", "Bożena"),
        ("Wiśniewska", "Kędzierski", "Żak", "Przybylska", "Grabowski", "Łęcka", "Szymańska"),
    ),
    "vietnamese": (
        ("Thảo", "Minh", "Hương", "Quốc", "Ngọc", "Đức", "Lan"),
        ("Nguyễn", "Trần", "Phạm", "Đặng", "Huỳnh", "Võ"),
    ),
    "greek": (
        ("Ελένη", "Γιώργος", "Κατερίνα", "Δημήτρης", "Σοφία", "Νικόλαος", "Αθηνά", "Παύλος"),
        ("Παπαδοπούλου", "Καραγιάννης", "Οικονόμου", "Βλαχάκη", "Σταυρίδης", "Λαμπράκη"),
    ),
    "russian": (
        ("Анна", "Дмитрий", "Екатерина", "Сергей", "Ольга", "Михаил", "Татьяна", "Илья"),
        ("Смирнова", "Воронцов", "Белова", "Кузнецов", "Орлова", "Жуков", "Соколова"),
    ),
    "ukrainian": (
        ("Олена", "Тарас", "Ірина", "Богдан", "Оксана", "Ярослав"),
        ("Ковальчук", "Мельник", "Шевчук", "Бондаренко", "Гнатюк", "Литвиненко"),
    ),
}
# Roughly how often each tradition appears in a demo caseload.
POOL_WEIGHTS: dict[str, int] = {
    "english": 40,
    "spanish": 12,
    "hungarian": 8,
    "polish": 8,
    "vietnamese": 7,
    "greek": 9,
    "russian": 9,
    "ukrainian": 7,
}

PERSON_ALIASES: dict[str, tuple[str, ...]] = {
    "partner": ("husband", "wife", "partner", "boyfriend", "girlfriend"),
    "parent": ("mother", "father", "stepmother"),
    "child": ("son", "daughter", "eldest son", "youngest daughter"),
    "sibling": ("sister", "brother", "older sister", "younger brother"),
    "friend": ("close friend", "school friend", "neighbour", "friend from choir"),
    "co-worker": ("colleague", "team mate", "office mate"),
    "boss": ("manager", "line manager", "supervisor at work"),
    "deceased": ("late mother", "late father", "late husband", "late grandmother"),
    "other": ("pastor", "GP", "aunt", "cousin"),
}

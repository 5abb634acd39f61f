"""Sweep the whole public API with wrong inputs: every error must be a KitError whose message helps.

The calls are generated from ``korea_kit.__all__`` and ``inspect.signature``:
for every callable public name (and the public methods of an Article, a
Corpus and a WorkStore), each parameter in turn is replaced by each bad value
below while the other required parameters get a valid example. A call that
succeeds is fine; a call that raises anything but a KitError fails, and so
does a KitError whose message is too short to help.

Every parameter needs a valid example in ``VALID`` (by parameter name) or
``VALID_FOR`` (by function and parameter): a new public function whose
parameters are unknown here makes ``test_every_public_name_is_swept`` fail
until someone adds them, so nothing slips through unswept.
"""

from __future__ import annotations

import inspect
import os
import resource
import signal
from pathlib import Path

import pytest

import korea_kit as kk
from korea_kit import KitError

#: Public names that are not functions to call with arguments: the version and the error and warning classes.
EXEMPT = {"__version__", "KitError", "ArticleError", "WorkStoreError", "ArticleWarning"}

#: Instances whose public methods are swept too (``self`` is a valid object from the context).
METHOD_OWNERS = {"Article": "article", "Corpus": "corpus", "WorkStore": "store"}
#: Dunder methods a student reaches with ordinary syntax (``corpus[5]``).
EXTRA_METHODS = {"Corpus": ["__getitem__"]}

#: A valid example for each parameter name; each is a function of the context.
VALID = {
    "article": lambda c: c.article,
    "articles": lambda c: c.corpus,
    "table": lambda c: c.table,
    "pred": lambda c: c.table,
    "gold": lambda c: c.gold,
    "texts": lambda c: c.corpus,
    "kinds": lambda c: ("direct",),
    "by": lambda c: "speaker",
    "events": lambda c: c.events,
    "highlight": lambda c: "2018-02-25",
    "title": lambda c: "A title",
    "aliases": lambda c: c.aliases,
    "store": lambda c: c.store,
    "exercise_id": lambda c: "02.tags",
    "answer": lambda c: "my answer",
    "chapter": lambda c: "01",
    "id": lambda c: "sweep",
    "text": lambda c: "Headline\n\nMoon met Kim. They spoke.",
    "meta": lambda c: {"outlet": "Sweep News"},
    "source": lambda c: "sweep.txt",
    "body_start": lambda c: 0,
    "start": lambda c: 0,
    "end": lambda c: 4,
    "label": lambda c: "person",
    "attrs": lambda c: {"country": "PRK"},
    "layer": lambda c: "person",
    "alignment_mode": lambda c: "strict",
    "pattern": lambda c: "Moon",
    "regex": lambda c: False,
    "case": lambda c: False,
    "spans": lambda c: [c.article.char_span(0, 4, "x")],
    "ids": lambda c: ["001"],
    "key": lambda c: "001",
    "errors": lambda c: "skip",
    "encoding": lambda c: "utf-8",
    "article_id": lambda c: c.article.id,
    "record_id": lambda c: "no-such-record",
    "question": lambda c: "frame",
    "value": lambda c: "conflict",
    "correct": lambda c: True,
    "include_deleted": lambda c: True,
    "other_student": lambda c: False,
    "name": lambda c: "Kim Min-ji",
    "student": lambda c: "Kim Min-ji",
    "path": lambda c: c.article_file,
    "folder": lambda c: c.seeds,
    "corpus": lambda c: c.corpus,
    "word": lambda c: "talks",
    "width": lambda c: 40,
    "codings": lambda c: kk.load_framing_gold(),
    "data": lambda c: [[1, 2, 3, 1], [1, 2, 2, 1]],
    "level": lambda c: "nominal",
    "a": lambda c: ["conflict", "economic", "conflict"],
    "b": lambda c: ["conflict", "morality", "conflict"],
    "alpha": lambda c: 0.74,
    "actors_table": lambda c: None,
    "verdicts": lambda c: None,
    "label_events": lambda c: True,
    "top": lambda c: 6,
    "draft": lambda c: kk.sample_draft("revised"),
}

#: Where the same parameter name needs a different valid example in one function.
VALID_FOR = {
    ("load_gold", "path"): lambda c: c.seeds / "gold" / "attributions.json",
    ("load_aliases", "path"): lambda c: c.aliases_file,
    ("import_work", "path"): lambda c: c.exported,
    ("WorkStore.import_file", "path"): lambda c: c.exported,
    ("WorkStore.export", "path"): lambda c: c.tmp / "export" / "sweep-export.json",
    ("WorkStore", "path"): lambda c: c.tmp / "work" / "other.json",
    ("work", "path"): lambda c: c.work_file,
    ("export_work", "folder"): lambda c: c.tmp / "export",
    ("check", "exercise_id"): lambda c: "01.1",
    ("WorkStore.set_answer", "text"): lambda c: "my answer",
    ("WorkStore.add_span", "text"): lambda c: None,
    ("load_framing_gold", "path"): lambda c: c.seeds / "gold" / "framing.json",
    ("compare_coding", "gold"): lambda c: kk.load_framing_gold(),
    ("class_reliability", "exercise_id"): lambda c: "03.sv",
    ("export_brief", "folder"): lambda c: c.tmp / "export",
    ("export_brief", "name"): lambda c: "my-brief",
    ("sample_draft", "name"): lambda c: "weak",
    ("synthetic_class", "folder"): lambda c: c.tmp / "synthetic",
    ("synthetic_class", "n"): lambda c: 2,
    ("synthetic_class", "seed"): lambda c: 0,
    ("synthetic_class", "bad_files"): lambda c: False,
    ("load_class", "recursive"): lambda c: False,
    ("load_class", "limit_mb"): lambda c: 5,
}

#: The wrong inputs, each a function of the context.
BAD = {
    "None": lambda c: None,
    "int": lambda c: 5,
    "str": lambda c: "zzz",
    "Article": lambda c: c.article,
    "Corpus": lambda c: c.corpus,
    "empty table": lambda c: c.pd.DataFrame(),
    "unknown columns": lambda c: c.pd.DataFrame({"Speaker": ["Moon"], "zzz": [1]}),
    "far position": lambda c: 10**6,
    "negative position": lambda c: -(10**6),
    "/dev/zero": lambda c: "/dev/zero",
    "/dev/null": lambda c: "/dev/null",
    "FIFO": lambda c: c.fifo,
    "folder": lambda c: c.empty_folder,
    "missing path": lambda c: c.tmp / "missing" / "nothing.txt",
}

#: Calls that still fail because of code another engineer is changing right now, as {case id: reason}; each is
#: marked xfail(strict=True), so the mark must come off as soon as the code is fixed. Empty: every call passes.
BEING_FIXED: dict[str, str] = {}

TIMEOUT_SECONDS = 20
#: Memory a single call may take beyond what the test process already uses: reading /dev/zero stops here.
MEMORY_HEADROOM = 1_500_000_000


def _callable_names() -> list[str]:
    return [name for name in kk.__all__ if name not in EXEMPT]


def _methods(owner: str) -> list[str]:
    cls = getattr(kk, owner)
    names = [n for n, v in vars(cls).items()
             if not n.startswith("_") and (inspect.isfunction(v) or isinstance(v, (classmethod, staticmethod)))]
    return sorted(names) + EXTRA_METHODS.get(owner, [])


def _targets() -> list[str]:
    out = list(_callable_names())
    for owner in METHOD_OWNERS:
        out += [f"{owner}.{method}" for method in _methods(owner)]
    return out


def _resolve(target: str):
    if "." not in target:
        return getattr(kk, target)
    owner, method = target.split(".")
    return getattr(getattr(kk, owner), method)


def _parameters(target: str) -> list[inspect.Parameter]:
    params = list(inspect.signature(_resolve(target)).parameters.values())
    return [p for p in params if p.name not in {"self", "cls"} and not p.name.startswith("_")
            and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]


def _valid(target: str, param: str):
    return VALID_FOR.get((target, param)) or VALID.get(param)


CASES = [(target, p.name, bad) for target in _targets() for p in _parameters(target) for bad in BAD]


def _case_id(case) -> str:
    return f"{case[0]}({case[1]}={case[2]})"


def _marked(case):
    if _case_id(case) in BEING_FIXED:
        return pytest.param(*case, id=_case_id(case),
                            marks=pytest.mark.xfail(strict=True, reason=BEING_FIXED[_case_id(case)]))
    return pytest.param(*case, id=_case_id(case))


class _Context:
    """Valid example objects, built once, all pointing at a temporary folder (never at real work)."""

    def __init__(self, tmp: Path):
        import pandas as pd

        self.pd = pd
        self.tmp = tmp
        self.seeds = kk.text.seeds_folder()
        self.corpus = kk.load_corpus()
        self.article = self.corpus["001"]
        self.table = kk.quotes_table(self.corpus)
        self.gold = kk.load_gold()
        self.events = kk.load_timeline()
        self.aliases = kk.load_aliases()
        self.article_file = tmp / "sweep.txt"
        self.article_file.write_text("Headline\n\nMoon met Kim. They spoke.", "utf-8")
        self.aliases_file = Path(kk.__file__).parent / "data" / "aliases.csv"
        (tmp / "work").mkdir()
        (tmp / "export").mkdir()
        self.work_file = tmp / "work" / "work.json"
        self.store = kk.work(self.work_file)
        self.exported = Path(kk.export_work(tmp / "export", store=self.store).path)
        self._folders = 0
        self.fifo = tmp / "pipe.txt"
        os.mkfifo(self.fifo)

    @property
    def empty_folder(self) -> Path:
        """A new empty folder for each call: a function that writes into it must not change what the next one sees."""
        self._folders += 1
        folder = self.tmp / f"a_folder_{self._folders}"
        folder.mkdir()
        return folder

    def owner(self, target: str):
        owner = target.split(".")[0]
        return getattr(self, METHOD_OWNERS[owner])


@pytest.fixture(scope="module")
def context(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sweep")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("KOREA_KIT_WORK", str(tmp / "work" / "work.json"))
        patch.setenv("HOME", str(tmp))
        patch.chdir(tmp)  # a bad "zzz" given as a path lands here, never in the project folder
        import matplotlib

        matplotlib.use("Agg")
        yield _Context(tmp)


class _TookTooLong(Exception):
    pass


def _alarm(signum, frame):
    raise _TookTooLong(f"the call did not finish within {TIMEOUT_SECONDS} s (is it reading a device or a pipe?)")


def _call(context: _Context, target: str, param: str, bad_value):
    function = _resolve(target)
    arguments = {}
    for p in _parameters(target):
        if p.name == param:
            arguments[p.name] = bad_value
        elif p.default is inspect.Parameter.empty:
            arguments[p.name] = _valid(target, p.name)(context)
    positional = [arguments.pop(p.name) for p in _parameters(target)
                  if p.kind is p.POSITIONAL_ONLY and p.name in arguments]
    if "." in target:  # a method of a valid object (a classmethod such as Article.from_text works the same way)
        function = getattr(context.owner(target), target.split(".")[1])
    return function(*positional, **arguments)


def test_the_sweep_makes_at_least_180_wrong_calls():
    assert len(CASES) >= 180


def test_every_public_name_is_swept():
    covered = {target.split(".")[0] for target, _, _ in CASES}
    unknown = sorted({f"{t}({p.name})" for t in _targets() for p in _parameters(t) if _valid(t, p.name) is None})
    assert not unknown, f"add a valid example to VALID or VALID_FOR for: {', '.join(unknown)}"
    no_arguments = {name for name in _callable_names() if not _parameters(name)}
    assert set(kk.__all__) == covered | EXEMPT | no_arguments
    assert all(callable(getattr(kk, name)) for name in _callable_names())


def test_exempt_names_are_public_and_not_functions_to_sweep():
    assert EXEMPT <= set(kk.__all__)
    assert all(not callable(getattr(kk, n)) or issubclass(getattr(kk, n), Warning) or issubclass(getattr(kk, n), KitError)
               for n in EXEMPT)


@pytest.mark.parametrize("target,param,bad", [_marked(case) for case in CASES])
def test_wrong_input_gives_a_kit_error_that_helps(context, target, param, bad):
    bad_value = BAD[bad](context)
    previous = signal.signal(signal.SIGALRM, _alarm)
    limits = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * resource.getpagesize()
    cap = in_use + MEMORY_HEADROOM
    resource.setrlimit(resource.RLIMIT_AS, (cap if limits[1] == resource.RLIM_INFINITY else min(cap, limits[1]), limits[1]))
    signal.alarm(TIMEOUT_SECONDS)
    try:
        _call(context, target, param, bad_value)
    except KitError as error:
        message = str(error)
        assert len(message) >= 25 and len(message.split()) >= 5, f"unhelpful message: {message!r}"
        assert message != repr(bad_value)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, limits)

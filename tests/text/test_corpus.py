"""Loading folders: the bundled seeds and an instructor's own articles."""

import os
import subprocess
import sys
import warnings

import pytest

from korea_kit import ArticleError, ArticleWarning, load_corpus
from korea_kit.text._corpus import seeds_folder

SEED_FILES = ["000_e8b4f7a2d72eebd2.txt", "001_2d17110a08b0926d.txt", "003_46fde5033e6a92f2.txt"]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus()


def test_bundled_corpus_has_the_three_seed_files(seeds):
    assert [a.meta["file"] for a in seeds] == SEED_FILES


def test_bundled_seeds_are_byte_identical_to_the_originals():
    shared = seeds_folder().parent.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("the shared/ folder with the original seeds is not beside this checkout")
    for name in SEED_FILES:
        assert (seeds_folder() / name).read_bytes() == (shared / name).read_bytes(), name


def test_seed_provenance_comes_from_the_catalog(seeds):
    frame = seeds.to_frame()
    assert frame["outlet"].tolist() == ["BuzzFeed News (UK desk)", "ITV News", "IR Insider"]
    assert frame["outlet_kind"].tolist() == ["digital-native news site", "broadcaster", "student publication"]


def test_001_is_itv_not_the_bbc(seeds):
    assert seeds["001"].meta["outlet"] == "ITV News"
    assert "BBC" not in seeds["001"].meta["outlet"]


def test_seed_titles_are_the_printed_headlines(seeds):
    assert [a.title for a in seeds] == [a.meta["headline"] for a in seeds]


def test_boilerplate_in_000_and_003_is_labelled(seeds):
    assert {b.label for b in seeds["000"].boilerplate} == {"social_post"}
    assert [b.label for b in seeds["003"].boilerplate] == ["site_furniture"] * 2 + ["photo_credit"] * 4


def test_lookup_by_position_full_id_prefix_and_file_name(seeds):
    assert seeds[1] is seeds["001_2d17110a08b0926d"] is seeds["001"] is seeds["001_2d17110a08b0926d.txt"]


def test_ambiguous_prefix_names_the_candidates(seeds):
    with pytest.raises(KeyError, match="could be any of"):
        seeds["00"]


def test_unknown_id_lists_the_ids(seeds):
    with pytest.raises(KeyError, match="000_e8b4f7a2d72eebd2"):
        seeds["bbc"]


def test_long_tables_have_one_row_per_span(seeds):
    assert len(seeds.sentences_frame()) == sum(len(a.sentences) for a in seeds)
    assert set(seeds.paragraphs_frame()["label"]) >= {"headline", "standfirst", "body", "boilerplate"}


def test_seeds_load_from_any_working_directory(tmp_path):
    code = "import korea_kit; print(len(korea_kit.load_corpus()))"
    env = {**os.environ, "PYTHONPATH": str(seeds_folder().parent)}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert out.stdout.strip() == "3", out.stderr


def test_instructor_folder_with_markdown_front_matter(write):
    path = write("reuters.md", "---\noutlet: Reuters\noutlet_kind: wire\n---\nTalks on\n\nSEOUL (Reuters) - Envoys met.")
    (article,) = load_corpus(path.parent)
    assert (article.title, article.meta["outlet"], article.meta["outlet_kind"]) == ("Talks on", "Reuters", "wire")


def test_uncatalogued_article_loads_with_unknown_provenance(write):
    path = write("mine.txt", "My headline\n\nBody text.")
    (article,) = load_corpus(path.parent)
    assert article.meta["outlet"] == "unknown"


def test_instructor_catalog_supplies_metadata(write):
    write("a.txt", "Head\n\nBody.")
    path = write("catalog.csv", "file,outlet,date\na.txt,Yonhap,2018-02-25\n")
    (article,) = load_corpus(path.parent)
    assert (article.meta["outlet"], article.meta["date"]) == ("Yonhap", "2018-02-25")


def test_catalog_row_with_wrong_cell_count_is_explained(write):
    write("a.txt", "Head\n\nBody.")
    path = write("catalog.csv", "file,outlet\na.txt,Yonhap,extra\n")
    with pytest.raises(ArticleError, match="line 2"):
        load_corpus(path.parent)


def test_catalog_entry_without_a_file_warns(write):
    write("a.txt", "Head\n\nBody.")
    path = write("catalog.csv", "file,outlet\nghost.txt,Yonhap\n")
    with pytest.warns(ArticleWarning, match="ghost.txt"):
        load_corpus(path.parent)


def test_other_files_are_skipped_with_a_warning(write):
    write("a.txt", "Head\n\nBody.")
    path = write("story.docx", b"PK\x03\x04")
    with pytest.warns(ArticleWarning, match="story.docx"):
        load_corpus(path.parent)


def test_one_bad_file_stops_the_load_and_every_bad_file_is_listed(write):
    write("good.txt", "Head\n\nBody.")
    write("empty.txt", "")
    path = write("binary.txt", b"\x00\x01")
    with pytest.raises(ArticleError) as info:
        load_corpus(path.parent)
    assert "2 file(s)" in str(info.value) and "empty.txt" in str(info.value) and "binary.txt" in str(info.value)


def test_skip_mode_loads_the_good_files_and_warns_about_the_bad(write):
    write("good.txt", "Head\n\nBody.")
    path = write("empty.txt", "")
    with pytest.warns(ArticleWarning, match="empty.txt"):
        corpus = load_corpus(path.parent, errors="skip")
    assert corpus.ids == ["good"]


def test_same_id_twice_is_refused(write):
    write("a.txt", "Head\n\nBody.")
    path = write("a.md", "Head\n\nBody.")
    with pytest.raises(ArticleError, match="share the id"):
        load_corpus(path.parent)


def test_folder_without_articles_is_explained(tmp_path):
    with pytest.raises(ArticleError, match="no article files"):
        load_corpus(tmp_path)


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(ArticleError, match="not a folder"):
        load_corpus(tmp_path / "nope")


def test_readme_in_a_folder_is_ignored_quietly(write):
    write("a.txt", "Head\n\nBody.")
    path = write("README.md", "# About this folder")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert load_corpus(path.parent).ids == ["a"]


def test_front_matter_cannot_overwrite_the_id_column(write):
    write("a.md", "---\nid: evil\n---\nHead\n\nBody.")
    path = write("b.txt", "Head\n\nBody.")
    assert load_corpus(path.parent).to_frame().index.tolist() == ["a", "b"]


def test_sentences_with_finds_a_quotation_in_every_report_that_has_it(write):
    write("a.txt", "Head\n\nShe said \"we will talk\". Nothing else.")
    path = write("b.txt", "Other\n\nThey said \"we will talk\" too.")
    table = load_corpus(path.parent).sentences_with("we will talk")
    assert table["article"].tolist() == ["a", "b"]
    assert table["sentence"].tolist() == ['She said "we will talk".', 'They said "we will talk" too.']


def test_sentences_with_gives_an_empty_table_when_no_report_has_it(seeds):
    assert seeds.sentences_with("a historic breakthrough").empty


def test_sentences_with_names_a_pattern_that_is_not_text(seeds):
    from korea_kit import KitTypeError

    with pytest.raises(KitTypeError, match="corpus.sentences_with: pattern"):
        seeds.sentences_with(28)

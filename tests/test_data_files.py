"""Reading the kit's JSON data files (gold codes, verdicts, positions): one safe reader for every room."""

import pytest

from korea_kit import ArticleError, KitError
from korea_kit._errors import KitValueError, read_json_file


def test_broken_json_names_the_caller_and_the_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"format": ', "utf-8")
    with pytest.raises(ArticleError, match=r"load_gold: .*gold\.json could not be read as a gold file"):
        read_json_file(path, "load_gold", "gold file")


def test_a_file_over_the_limit_is_refused_before_it_is_parsed(tmp_path):
    path = tmp_path / "big.json"
    path.write_text("[" + "1," * 100 + "1]", "utf-8")
    with pytest.raises(KitValueError, match="too large to be a verdicts file"):
        read_json_file(path, "claims", "verdicts file", error=KitValueError, limit=50)


def test_a_folder_is_refused_with_a_kit_error(tmp_path):
    with pytest.raises(KitError, match="is a folder"):
        read_json_file(tmp_path, "positions", "positions file")


def test_a_good_file_gives_its_contents(tmp_path):
    path = tmp_path / "ok.json"
    path.write_text('{"verdicts": []}', "utf-8")
    assert read_json_file(path, "claims", "verdicts file") == {"verdicts": []}

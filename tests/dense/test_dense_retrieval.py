"""The whole dense path on a tiny real sentence-transformers model: load, encode, index, search, fuse."""

from __future__ import annotations

import socket
import threading
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from knowledge.dense.dense_retriever import DenseRetriever
from knowledge.dense.embedder import HashEmbedder, ModelFolderError, SentenceTransformerEmbedder
from knowledge.dense.embedding_cache import EmbeddingCache
from knowledge.dense.setup import DenseSetup
from knowledge.engine import KnowledgeEngine
from knowledge.faq_loader import load_faq
from knowledge.fusion import HybridRetriever

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedder(tiny_model_dir: Path) -> SentenceTransformerEmbedder:
    # Without prompts, a query identical to an indexed text has cosine 1.0 even with random weights.
    model = SentenceTransformerEmbedder(tiny_model_dir, query_prompt="", passage_prompt="")
    model.warm_up()
    return model


def test_model_loads_from_its_folder_without_network(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the embedding model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    model = SentenceTransformerEmbedder(tiny_model_dir)
    vectors = model.encode_queries(["住民票がほしい"])
    assert vectors.shape == (1, 32)
    assert np.isclose(np.linalg.norm(vectors[0]), 1.0, atol=1e-4)


def test_prompts_come_from_the_models_config(tiny_model_dir: Path) -> None:
    model = SentenceTransformerEmbedder(tiny_model_dir)
    assert model.query_prompt == "query: " and model.passage_prompt == "passage: "


def test_settings_prompts_override_the_config(tiny_model_dir: Path, embedder: SentenceTransformerEmbedder) -> None:
    assert embedder.query_prompt == ""
    assert embedder.fingerprint != SentenceTransformerEmbedder(tiny_model_dir).fingerprint


def test_a_folder_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFolderError, match="not a sentence-transformers model"):
        SentenceTransformerEmbedder(tmp_path)
    with pytest.raises(ModelFolderError, match="not found"):
        SentenceTransformerEmbedder(tmp_path / "missing")


def test_exact_question_is_found_by_the_dense_index(embedder: SentenceTransformerEmbedder,
                                                    mini_data_dir: Path) -> None:
    entries = load_faq(mini_data_dir).faq.entries
    dense = DenseRetriever(entries, embedder=embedder)
    hits = dense.retrieve("保育所に入所するにはどう申し込みますか？", top_k=3)
    assert hits[0].entry.id == "hoiku-moushikomi"
    assert hits[0].signals["dense"] > 0.99


def test_hybrid_engine_answers_through_lexical_and_dense(embedder: SentenceTransformerEmbedder,
                                                         mini_data_dir: Path, tmp_path: Path) -> None:
    engine = KnowledgeEngine.load(mini_data_dir, dense=DenseSetup(embedder, tmp_path))
    assert isinstance(engine.retriever, HybridRetriever)
    result = engine.search("燃えるごみの日はいつ？")
    assert result.best is not None and result.best.entry.id == "gomi-moyasu"
    assert {"dense", "lexical", "q_words"} <= set(result.best.signals)


def test_restart_and_edit_reencode_only_what_changed(embedder: SentenceTransformerEmbedder,
                                                     mini_data_dir: Path, tmp_path: Path) -> None:
    entries = list(load_faq(mini_data_dir).faq.entries)
    first = DenseRetriever(entries, embedder=embedder, cache=EmbeddingCache(tmp_path, embedder.fingerprint))
    assert first.last_encoded > 10
    restarted = DenseRetriever(entries, embedder=embedder, cache=EmbeddingCache(tmp_path, embedder.fingerprint))
    assert restarted.last_encoded == 0
    entries[0] = replace(entries[0], question="住民票の写しを郵送で取りたい")
    assert restarted.rebuild(entries) == 2  # the new question, and question + answer


def test_index_swaps_atomically_while_searches_continue(mini_data_dir: Path) -> None:
    entries = list(load_faq(mini_data_dir).faq.entries)
    dense = DenseRetriever(entries, embedder=HashEmbedder())
    valid_ids = {e.id for e in entries} | {"renamed-entry"}
    errors: list[BaseException] = []
    stop = threading.Event()

    def search() -> None:
        while not stop.is_set():
            try:
                hits = dense.retrieve("住民票の写し", top_k=3)
                assert hits and all(h.entry.id in valid_ids for h in hits)
            except BaseException as exc:
                errors.append(exc)

    threads = [threading.Thread(target=search) for _ in range(4)]
    for thread in threads:
        thread.start()
    for round_number in range(20):
        changed = entries if round_number % 2 else [replace(entries[0], id="renamed-entry"), *entries[1:]]
        dense.rebuild(changed)
    stop.set()
    for thread in threads:
        thread.join(timeout=10)
    assert errors == []


def test_cli_installs_the_model_and_builds_a_hybrid_index(tiny_model_dir: Path, mini_data_dir: Path,
                                                          tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from app.cli import cli

    monkeypatch.setenv("MADOGUCHI_DATA_DIR", str(mini_data_dir))
    monkeypatch.setenv("MADOGUCHI_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("MADOGUCHI_VAR_DIR", str(tmp_path / "var"))
    runner = CliRunner()
    installed = runner.invoke(cli, ["models", "install-embedding", str(tiny_model_dir)])
    assert installed.exit_code == 0, installed.output
    assert (tmp_path / "models" / "embedding" / "modules.json").exists()
    again = runner.invoke(cli, ["models", "install-embedding", str(tiny_model_dir)])
    assert again.exit_code == 2 and "--force" in again.output
    built = runner.invoke(cli, ["index", "build", "--json"])
    assert built.exit_code == 0, built.output
    assert '"retrieval": "hybrid"' in built.output


def test_cli_refuses_a_folder_that_is_not_a_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from app.cli import cli

    monkeypatch.setenv("MADOGUCHI_MODELS_DIR", str(tmp_path / "models"))
    result = CliRunner().invoke(cli, ["models", "install-embedding", str(tmp_path)])
    assert result.exit_code == 2 and "not a sentence-transformers model" in result.output
    assert not (tmp_path / "models" / "embedding").exists()


def test_api_switches_to_hybrid_search_when_a_model_is_configured(tiny_model_dir: Path, mini_data_dir: Path,
                                                                  tmp_path: Path) -> None:
    import time

    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings

    settings = Settings(data_dir=mini_data_dir, var_dir=tmp_path, embedding_model_dir=tiny_model_dir)
    with TestClient(create_app(settings)) as client:
        assert client.get("/healthz").status_code == 200
        deadline = time.monotonic() + 60
        while client.get("/readyz").json()["embedding_model"] != "ready" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert client.get("/readyz").json()["retrieval"] == "hybrid"
        top = client.get("/api/faq/search", params={"q": "保育園に入れたい"}).json()["hits"][0]
        assert top["id"] == "hoiku-moushikomi" and "dense" in top["signals"]


def test_eval_command_runs_the_hybrid_engine_when_a_model_is_installed(
        tiny_model_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from typer.testing import CliRunner

    from app.cli import cli

    beir = tmp_path / "set"
    (beir / "qrels").mkdir(parents=True)
    docs = [{"_id": "d1", "title": "住民票の写しの取り方", "text": "市民課で1通300円です。"},
            {"_id": "d2", "title": "粗大ごみの出し方", "text": "電話で申し込みます。"}]
    (beir / "corpus.jsonl").write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), "utf-8")
    (beir / "queries.jsonl").write_text(json.dumps({"_id": "q1", "text": "住民票ほしい"}, ensure_ascii=False), "utf-8")
    (beir / "qrels" / "test.tsv").write_text("query-id\tcorpus-id\tscore\nq1\td1\t2\n")
    monkeypatch.setenv("MADOGUCHI_EMBEDDING_MODEL_DIR", str(tiny_model_dir))
    monkeypatch.setenv("MADOGUCHI_VAR_DIR", str(tmp_path / "var"))
    run_file = tmp_path / "run.trec"
    result = CliRunner().invoke(cli, ["eval", "retrieval", "--beir", str(beir), "--json", "--run", str(run_file)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["mrr@10"] == 1.0  # model loading reports progress on stderr
    assert run_file.read_text().split()[2] == "d1"

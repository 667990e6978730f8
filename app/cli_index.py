"""`madoguchi index build` and `madoguchi models install-embedding`: dense retrieval from the command line."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Annotated

import typer

from knowledge.engine import FaqDataError, KnowledgeEngine
from knowledge.faq_loader import load_faq
from knowledge.fusion import HybridRetriever

from .cli_output import emit_json, fail, progress_bar, report_problems
from .dense_factory import dense_factory
from .settings import get_settings

index_app = typer.Typer(help="検索索引 (search index)", no_args_is_help=True)


@index_app.command()
def build(as_json: Annotated[bool, typer.Option("--json", help="JSON で出力")] = False) -> None:
    """Build the FAQ index as the app does (and the embeddings, when a model is installed)."""
    settings = get_settings()
    factory = dense_factory(settings)
    entries = len(load_faq(settings.data_dir).faq.entries)
    started = time.perf_counter()
    with progress_bar(entries, "索引作成") as bar:
        dense = factory() if factory else None
        if dense is not None:
            dense.progress = bar.update
        try:
            engine = KnowledgeEngine.load(settings.data_dir, strict=not settings.lenient_data, dense=dense)
        except FaqDataError as exc:
            report_problems(exc.problems)
            fail("FAQ データにエラーがあるため索引を作れません")
            return
    retriever = engine.retriever
    summary = {"entries": len(engine.faq.entries), "retrieval": "hybrid" if dense else "lexical",
               "seconds": round(time.perf_counter() - started, 2),
               "encoded_texts": retriever.dense.last_encoded if isinstance(retriever, HybridRetriever) else 0}
    if as_json:
        emit_json(summary)
        return
    typer.echo(f"{summary['entries']} 件を索引しました（{summary['retrieval']}、{summary['seconds']} 秒、"
               f"新しく埋め込んだ文 {summary['encoded_texts']} 件）")


def install_embedding(
    path: Annotated[Path, typer.Argument(help="sentence-transformers のモデルフォルダ")],
    force: Annotated[bool, typer.Option(help="インストール済みのモデルを置き換える")] = False,
) -> None:
    """Copy a local sentence-transformers model folder into the deployment and check that it works."""
    from knowledge.dense.embedder import ModelFolderError, SentenceTransformerEmbedder

    settings = get_settings()
    target = settings.models_dir / "embedding"
    try:
        SentenceTransformerEmbedder(path).encode_queries(["住民票の写しがほしい"])
    except ModelFolderError as exc:
        fail(str(exc), 2)
    except Exception as exc:
        fail(f"{path} could not be loaded as a sentence-transformers model: {exc}", 2)
    if target.exists() and not force:
        fail(f"{target} already holds a model; use --force to replace it", 2)
    staging = target.with_name("embedding.installing")
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(path, staging)
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    model = SentenceTransformerEmbedder(target)
    model.warm_up()
    typer.echo(f"installed {path} -> {target} (dimension {model.dimension}, "
               f"query prompt {model.query_prompt!r}); restart the app or run `madoguchi index build`")

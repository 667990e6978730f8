"""Build a tiny real sentence-transformers model (random BERT, WordPiece trained on our data)."""

from __future__ import annotations

import json
from pathlib import Path


def build_tiny_model(texts: list[str], out: Path, *, prompts: dict[str, str] | None = None) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer, models
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    bert_dir = out / "bert"
    bert_dir.mkdir(parents=True, exist_ok=True)
    wordpiece = BertWordPieceTokenizer(clean_text=True, handle_chinese_chars=True, strip_accents=False,
                                       lowercase=True)
    wordpiece.train_from_iterator(texts, vocab_size=3000, min_frequency=1,
                                  special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    wordpiece.save_model(str(bert_dir))
    torch.manual_seed(0)
    config = BertConfig(vocab_size=wordpiece.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    BertModel(config).save_pretrained(str(bert_dir))
    BertTokenizerFast(vocab_file=str(bert_dir / "vocab.txt"), do_lower_case=True).save_pretrained(str(bert_dir))
    transformer = models.Transformer(str(bert_dir), max_seq_length=128)
    dimension = getattr(transformer, "get_embedding_dimension", None) or transformer.get_word_embedding_dimension
    pooling = models.Pooling(dimension(), pooling_mode="mean")
    model = SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cpu")
    target = out / "model"
    model.save(str(target))
    if prompts:
        config_path = target / "config_sentence_transformers.json"
        config_json = json.loads(config_path.read_text("utf-8"))
        config_json["prompts"] = prompts
        config_path.write_text(json.dumps(config_json), "utf-8")
    return target

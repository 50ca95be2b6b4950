// Function and method bodies: guards, logging, dict building, loops, try/except and uses of imported names,
// so that modules have the size and texture of real code. Bodies never run during collection.
import type { ImportedSymbol } from "./plan.ts";
import type { Random } from "./random.ts";
import { COMMENTS, FIELD_NAMES } from "./vocabulary.ts";

export interface BodyContext {
  rng: Random;
  /** Names the body may use: imported symbols and the module's own definitions. */
  symbols: ImportedSymbol[];
}

function useSymbol(s: ImportedSymbol, v: string, pad: string): string[] {
  switch (s.kind) {
    case "enum":
      return [
        `${pad}if ${v} == ${s.name}.${s.member ?? "value"}:`,
        `${pad}    result["state"] = ${s.name}.${s.member ?? "value"}`,
      ];
    case "dataclass":
    case "class":
    case "base":
      return [`${pad}if isinstance(${v}, ${s.name}):`, `${pad}    result["kind"] = ${s.name}.__name__`];
    case "exception":
      return [`${pad}if ${v} is False:`, `${pad}    raise ${s.name}(f"rejected: {${v}!r}")`];
    case "constant":
      return [`${pad}result["limit"] = ${s.name}`];
    case "module":
      return [`${pad}result["${s.member}"] = getattr(${s.name}, "${s.member}", None)`];
    default:
      return [`${pad}result["derived"] = ${s.name}(${v})`];
  }
}

/** Lines of a body (without the def line), indented by `pad`; `param` is a parameter the body reads. */
export function renderBody(ctx: BodyContext, pad: string, param: string, doc: string, extra: string[] = []): string[] {
  const { rng } = ctx;
  const lines = [`${pad}"""${doc}"""`, ...extra.map((l) => pad + l)];
  if (rng.chance(0.5)) lines.push(`${pad}if ${param} is None:`, `${pad}    raise ValueError("${param} is required")`);
  lines.push(`${pad}result: dict[str, object] = {}`);
  const blocks = rng.int(2, 6);
  for (let i = 0; i < blocks; i++) {
    const roll = rng.next();
    if (roll < 0.18) {
      lines.push(`${pad}# ${rng.pick(COMMENTS)}`);
      lines.push(`${pad}logger.debug("processing %s", ${param})`);
    } else if (roll < 0.36) {
      const keys = rng.sample(FIELD_NAMES, rng.int(2, 4));
      lines.push(`${pad}result.update(`, `${pad}    {`);
      for (const k of keys) lines.push(`${pad}        "${k}": getattr(${param}, "${k}", None),`);
      lines.push(`${pad}    }`, `${pad})`);
    } else if (roll < 0.52) {
      lines.push(
        `${pad}for index, item in enumerate(getattr(${param}, "items", None) or []):`,
        `${pad}    if not item:`,
        `${pad}        continue`,
        `${pad}    result[f"item_{index}"] = item`,
      );
    } else if (roll < 0.64) {
      lines.push(
        `${pad}try:`,
        `${pad}    count = int(getattr(${param}, "count", 0))`,
        `${pad}except (TypeError, ValueError):`,
        `${pad}    # ${rng.pick(COMMENTS)}`,
        `${pad}    count = 0`,
        `${pad}result["count"] = count`,
      );
    } else if (ctx.symbols.length > 0) {
      lines.push(...useSymbol(rng.pick(ctx.symbols), param, pad));
    } else {
      lines.push(`${pad}result["${rng.pick(FIELD_NAMES)}"] = str(${param})`);
    }
  }
  lines.push(`${pad}return result`);
  return lines;
}

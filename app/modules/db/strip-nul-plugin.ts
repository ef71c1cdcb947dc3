import {
  OperationNodeTransformer,
  PrimitiveValueListNode,
  ValueNode,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from "kysely";

const nul = /\u0000/g;
const withoutNul = (value: unknown) => (typeof value === "string" && value.includes("\u0000") ? value.replace(nul, "") : value);

class StripNulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = withoutNul(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return node.values.some((v) => withoutNul(v) !== v) ? PrimitiveValueListNode.create(node.values.map(withoutNul)) : node;
  }
}

/**
 * The last line of input hygiene: PostgreSQL cannot store or even compare a string with a NUL character
 * (22021, a 500 for any request that carries one), SQLite truncates it in places. Form and API fields lose
 * control characters in their schemas (privacy/text-fields.ts); this takes NUL out of every other value a
 * query is given, such as ids and references from a URL (/cinema/x%00y), on both databases alike.
 */
export class StripNulPlugin implements KyselyPlugin {
  readonly #transformer = new StripNulTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

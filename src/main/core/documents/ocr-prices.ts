/**
 * Page prices from the model catalog, for the estimate shown before sending (pages ×
 * price). The ledger's own pricing belongs to the usage recorder; this is only the
 * pre-send number. Catalog prices are USD per 1,000 pages (and per 1,000 annotated pages).
 */

interface CatalogPrice {
  usd?: number
  per?: string
}
interface CatalogModel {
  apiNames?: string[]
  pricing?: { input?: CatalogPrice[] }
}

export interface PagePrice {
  /** Integer micro-USD per page. */
  pageMicroUsd: number
  annotatedPageMicroUsd: number
}

export class OcrPrices {
  private readonly byModel = new Map<string, PagePrice>()

  constructor(catalog: unknown) {
    const models = ((catalog as { models?: CatalogModel[] } | null)?.models ?? []) as CatalogModel[]
    for (const model of models) {
      const input = model.pricing?.input ?? []
      const per = (unit: string) => input.find((p) => p.per === unit)?.usd
      const pages = per('/1000 Pages')
      if (pages === undefined) continue
      const annotated = per('/1000 Annotated Pages') ?? pages
      // usd per 1,000 pages → micro-USD per page: × 1e6 / 1e3.
      const price = { pageMicroUsd: Math.round(pages * 1000), annotatedPageMicroUsd: Math.round(annotated * 1000) }
      for (const name of model.apiNames ?? []) this.byModel.set(name, price)
    }
  }

  price(model: string): PagePrice | undefined {
    return this.byModel.get(model)
  }

  /** pages × the page price (the annotated price when fields are extracted); null without a catalog price. */
  estimate(model: string, pages: number, annotated: boolean): number | null {
    const price = this.byModel.get(model)
    if (!price) return null
    return pages * (annotated ? price.annotatedPageMicroUsd : price.pageMicroUsd)
  }
}

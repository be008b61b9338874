/** A product the synthetic shop sells; price in US cents. */
export interface CatalogueItem {
  readonly title: string;
  readonly sku: string;
  readonly unitPriceCents: number;
}

/** The synthetic shop's product range. */
export const CATALOGUE: readonly CatalogueItem[] = [
  { title: 'Organic Cotton Tee', sku: 'TEE-ORG-001', unitPriceCents: 2400 },
  { title: 'Merino Crew Sweater', sku: 'SWT-MER-002', unitPriceCents: 8900 },
  { title: 'Everyday Chino Pants', sku: 'PNT-CHI-003', unitPriceCents: 6450 },
  { title: 'Rain Shell Jacket', sku: 'JKT-RAI-004', unitPriceCents: 12900 },
  { title: 'Wool Hiking Socks (2 pack)', sku: 'SCK-WOL-005', unitPriceCents: 1899 },
  { title: 'Canvas Tote Bag', sku: 'BAG-CNV-006', unitPriceCents: 2250 },
  { title: 'Leather Card Wallet', sku: 'WAL-LTH-007', unitPriceCents: 3995 },
  { title: 'Insulated Water Bottle', sku: 'BTL-INS-008', unitPriceCents: 2799 },
  { title: 'Ceramic Pour-Over Set', sku: 'KIT-POS-009', unitPriceCents: 4500 },
  { title: 'Linen Throw Blanket', sku: 'HOM-LIN-010', unitPriceCents: 7800 },
  { title: 'Trail Running Cap', sku: 'CAP-TRL-011', unitPriceCents: 2999 },
  { title: 'Gift Card', sku: 'GFT-CRD-012', unitPriceCents: 5000 },
  { title: 'Beeswax Candle', sku: 'HOM-CND-013', unitPriceCents: 1650 },
  { title: 'Packable Down Vest', sku: 'VST-DWN-014', unitPriceCents: 9900 },
];

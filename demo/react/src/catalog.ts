/** The one product of the example shop. */
export const PRODUCT = { sku: 'TR-1', name: 'Trail Runner', price: 89 };

import type { ShopifyCustomer } from '../dataset/types.js';

/**
 * A customer in the REST Admin API's shape, which is also the `customers/*` webhook payload
 * (https://shopify.dev/docs/api/admin-rest/latest/resources/customer): snake_case, numeric `id` plus
 * `admin_graphql_api_id`, tags as one comma-separated string.
 */
export function renderRestCustomer(c: ShopifyCustomer): Record<string, unknown> {
  const address = c.defaultAddress;
  return {
    id: c.id,
    email: c.email,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    first_name: c.firstName,
    last_name: c.lastName,
    state: c.state.toLowerCase(),
    note: c.note,
    verified_email: c.email !== null,
    tax_exempt: false,
    tags: c.tags.join(', '),
    currency: 'USD',
    phone: c.phone,
    email_marketing_consent: c.email === null ? null : { state: c.emailMarketingState.toLowerCase(), opt_in_level: 'single_opt_in', consent_updated_at: null },
    sms_marketing_consent: c.phone === null ? null : { state: c.smsMarketingState.toLowerCase(), opt_in_level: 'single_opt_in', consent_updated_at: null, consent_collected_from: 'OTHER' },
    admin_graphql_api_id: `gid://shopify/Customer/${c.id}`,
    default_address: address === null ? null : { customer_id: c.id, first_name: c.firstName, last_name: c.lastName, address1: address.address1, city: address.city, province_code: address.provinceCode, zip: address.zip, country_code: address.countryCode, phone: c.phone, default: true },
  };
}

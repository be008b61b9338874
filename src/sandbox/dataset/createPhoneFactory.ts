import type { Faker } from '@faker-js/faker';

/**
 * Area codes of large US cities. Every number uses the 555 exchange, which US directories reserve for
 * fiction, so no generated number belongs to a real subscriber.
 */
export const AREA_CODES: readonly string[] = [
  '415', '212', '312', '617', '206', '213', '305', '404', '512', '303', '702', '503', '602', '215', '713', '612',
];
const FIRST_LINE = 100;
const LAST_LINE = 9999;
/** How many distinct numbers the factory can hand out (158 400). */
export const PHONE_CAPACITY = AREA_CODES.length * (LAST_LINE - FIRST_LINE + 1);

/**
 * Returns a function that yields a new E.164 number `+1<area>555<line>` (lines 0100–9999) on each call,
 * never the same one twice for this factory. Throws once {@link PHONE_CAPACITY} numbers are handed out.
 */
export function createPhoneFactory(faker: Faker): () => string {
  const used = new Set<string>();
  return () => {
    if (used.size >= PHONE_CAPACITY) throw new RangeError(`createPhoneFactory: all ${PHONE_CAPACITY} numbers are used`);
    for (;;) {
      const area = faker.helpers.arrayElement(AREA_CODES);
      const line = String(faker.number.int({ min: FIRST_LINE, max: LAST_LINE })).padStart(4, '0');
      const phone = `+1${area}555${line}`;
      if (!used.has(phone)) {
        used.add(phone);
        return phone;
      }
    }
  };
}

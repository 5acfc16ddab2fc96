// Call-IDs as SIP allows them (RFC 3261 §25.1: `word ["@" word]`, where a word is any of
// alphanum - . ! % * _ + ` ' ~ ( ) < > : \ " / [ ] ? { }), as carriers and PBXes send them.
export const SIP_CALL_IDS: readonly string[] = [
  '7e5f4ad4-0b1c-4c2d-9e3f-a1b2c3d4e5f6',
  'a84b4c76e66710@pc33.atlanta.com',
  'f81d4fae-7dec-11d0-a765-00a0c91e6bf6@[2001:db8::9:1]',
  '3848276298220188511@[::ffff:192.0.2.4]',
  `!'()*{}"%@host`,
  'abc%40def@host',
  '100%',
  '%zz%',
  'a+b~c_d.e-f@10.0.0.1',
  '<weird>:back\\slash/and?query',
  'quote"d`tick`@x',
  'OjA0ZDM0YmE5NTk4ZTFlYjc1YjE0NWI4ZDc0NGU1YjA.',
  '..',
  '../../etc/passwd',
  'x'.repeat(300),
];

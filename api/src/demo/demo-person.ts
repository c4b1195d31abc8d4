import { randomOf } from './demo-plan.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '秀英',
  '桂兰',
  '建华',
  '志强',
  '淑珍',
  '国平',
  '玉兰',
  '德明',
  '春梅',
  '永福',
  '丽娟',
  '海燕',
  '文斌',
  '晓红',
  '子涵',
  '浩然',
  '雨桐',
  '俊杰',
  '思琪',
  '明轩',
  '金凤',
  '长林',
  '素芳',
  '光荣',
  '小燕',
  '天佑',
  '成刚',
  '秋菊',
];
const STREETS = [
  '东大街',
  '红星路',
  '水井街',
  '望江路',
  '九眼桥路',
  '浆洗街',
  '草堂路',
  '金马河路',
  '滨江东路',
  '人民南路',
];

/** The GB 11643 check digit of a resident identity number's first 17 digits. */
function withCheckDigit(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

export interface DemoPersonInput {
  name: string;
  idNumber: string;
  phone: string;
  address: string;
  hukou: 'CHENGDU';
  tags: string[];
}

/**
 * A realistic, clearly fictitious person for demo case `index` in a district (its code's first six
 * digits start the identity number, whose sequence part carries the index, so no two collide).
 */
export function demoPerson(index: number, districtCode: string, communityName: string): DemoPersonInput {
  const random = randomOf(index * 65537 + 7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const name = pick([...SURNAMES]) + pick(GIVEN);
  const year = 1940 + Math.floor(random() * 70);
  // The month and the sequence part carry the index: no two demo people share an identity number.
  const month = String(1 + (Math.floor(index / 100) % 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  // 900-999 is a sequence range no real registry here hands out: the demo's identity numbers cannot be someone's.
  const sequence = String(900 + (index % 100)).padStart(3, '0');
  const first17 = `${districtCode.slice(0, 6)}${year}${month}${day}${sequence}`.slice(0, 17);
  const idNumber = withCheckDigit(first17.length === 17 ? first17 : first17.padEnd(17, '0'));
  const phone = `1${pick(['33', '39', '58', '80', '89'])}${String(10_000_000 + index * 7_919).slice(-8)}`;
  const address = `${communityName}${pick(STREETS)}${1 + Math.floor(random() * 200)}号${1 + Math.floor(random() * 6)}栋`;
  const tags = year < 1960 ? ['ELDERLY_ALONE'] : [];
  return { name, idNumber, phone, address, hukou: 'CHENGDU', tags };
}

/** A staff member's name for the demo's own users. */
export function demoStaffName(seed: number): string {
  const random = randomOf(seed * 31 + 3);
  return SURNAMES[Math.floor(random() * SURNAMES.length)]! + GIVEN[Math.floor(random() * GIVEN.length)]!;
}

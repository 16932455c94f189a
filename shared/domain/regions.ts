/**
 * Region codes used in 发票代码 (docs/invoice-rules.md#invoice-codes): GB/T 2260 province-level codes plus the 计划单列市,
 * which have their own tax bureaux. From fdstar/NumberValidators `GBT2260OnlyProvince.cs`.
 */
export const INVOICE_CODE_REGIONS: Readonly<Record<string, string>> = {
  '1100': '北京', '1200': '天津', '1300': '河北', '1400': '山西', '1500': '内蒙古',
  '2100': '辽宁', '2102': '大连', '2200': '吉林', '2300': '黑龙江',
  '3100': '上海', '3200': '江苏', '3300': '浙江', '3302': '宁波', '3400': '安徽',
  // 3401 is listed beside 3400 for 安徽 in the source table.
  '3401': '安徽', '3500': '福建', '3502': '厦门', '3600': '江西', '3700': '山东', '3702': '青岛',
  '4100': '河南', '4200': '湖北', '4300': '湖南', '4400': '广东', '4403': '深圳', '4500': '广西', '4600': '海南',
  '5000': '重庆', '5100': '四川', '5200': '贵州', '5300': '云南', '5400': '西藏',
  '6100': '陕西', '6200': '甘肃', '6300': '青海', '6400': '宁夏', '6500': '新疆',
};

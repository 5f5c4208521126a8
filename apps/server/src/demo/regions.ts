// Cities for demo clients, with their GB/T 2260 administrative division codes (the first six
// characters of an ID number, characters 3–8 of a USCC) and telephone area codes.

export type City = {
  /** Province-level division as written in an address (北京市, 浙江省, 广西壮族自治区…). */
  province: string;
  city: string;
  /** City-level division code (e.g. 330100); USCCs registered at city level carry it. */
  code: string;
  /** Districts with their county-level codes: ID numbers and district-registered USCCs. */
  districts: readonly (readonly [name: string, code: string])[];
  areaCode: string;
  /** Relative number of demo clients there. */
  weight: number;
};

export const CITIES: readonly City[] = [
  { province: '北京市', city: '北京市', code: '110100', areaCode: '010', weight: 14, districts: [['东城区', '110101'], ['西城区', '110102'], ['朝阳区', '110105'], ['丰台区', '110106'], ['海淀区', '110108']] },
  { province: '上海市', city: '上海市', code: '310100', areaCode: '021', weight: 14, districts: [['黄浦区', '310101'], ['徐汇区', '310104'], ['长宁区', '310105'], ['静安区', '310106'], ['浦东新区', '310115']] },
  { province: '广东省', city: '深圳市', code: '440300', areaCode: '0755', weight: 10, districts: [['罗湖区', '440303'], ['福田区', '440304'], ['南山区', '440305'], ['宝安区', '440306']] },
  { province: '广东省', city: '广州市', code: '440100', areaCode: '020', weight: 9, districts: [['荔湾区', '440103'], ['越秀区', '440104'], ['海珠区', '440105'], ['天河区', '440106']] },
  { province: '浙江省', city: '杭州市', code: '330100', areaCode: '0571', weight: 9, districts: [['上城区', '330102'], ['拱墅区', '330105'], ['西湖区', '330106'], ['滨江区', '330108']] },
  { province: '江苏省', city: '南京市', code: '320100', areaCode: '025', weight: 5, districts: [['玄武区', '320102'], ['秦淮区', '320104'], ['建邺区', '320105'], ['鼓楼区', '320106']] },
  { province: '江苏省', city: '苏州市', code: '320500', areaCode: '0512', weight: 5, districts: [['虎丘区', '320505'], ['吴中区', '320506'], ['姑苏区', '320508']] },
  { province: '四川省', city: '成都市', code: '510100', areaCode: '028', weight: 5, districts: [['锦江区', '510104'], ['青羊区', '510105'], ['武侯区', '510107']] },
  { province: '湖北省', city: '武汉市', code: '420100', areaCode: '027', weight: 4, districts: [['江岸区', '420102'], ['武昌区', '420106'], ['洪山区', '420111']] },
  { province: '重庆市', city: '重庆市', code: '500100', areaCode: '023', weight: 4, districts: [['渝中区', '500103'], ['江北区', '500105'], ['沙坪坝区', '500106'], ['南岸区', '500108']] },
  { province: '天津市', city: '天津市', code: '120100', areaCode: '022', weight: 3, districts: [['和平区', '120101'], ['河西区', '120103'], ['南开区', '120104']] },
  { province: '陕西省', city: '西安市', code: '610100', areaCode: '029', weight: 3, districts: [['新城区', '610102'], ['碑林区', '610103'], ['雁塔区', '610113']] },
  { province: '浙江省', city: '宁波市', code: '330200', areaCode: '0574', weight: 3, districts: [['海曙区', '330203'], ['鄞州区', '330212']] },
  { province: '浙江省', city: '温州市', code: '330300', areaCode: '0577', weight: 2, districts: [['鹿城区', '330302'], ['龙湾区', '330303']] },
  { province: '江苏省', city: '无锡市', code: '320200', areaCode: '0510', weight: 2, districts: [['梁溪区', '320213'], ['新吴区', '320214']] },
  { province: '广东省', city: '佛山市', code: '440600', areaCode: '0757', weight: 2, districts: [['禅城区', '440604'], ['南海区', '440605'], ['顺德区', '440606']] },
  { province: '广东省', city: '东莞市', code: '441900', areaCode: '0769', weight: 2, districts: [['东莞市', '441900']] },
  { province: '山东省', city: '济南市', code: '370100', areaCode: '0531', weight: 2, districts: [['历下区', '370102'], ['市中区', '370103']] },
  { province: '山东省', city: '青岛市', code: '370200', areaCode: '0532', weight: 3, districts: [['市南区', '370202'], ['市北区', '370203'], ['崂山区', '370212']] },
  { province: '福建省', city: '福州市', code: '350100', areaCode: '0591', weight: 2, districts: [['鼓楼区', '350102'], ['台江区', '350103']] },
  { province: '福建省', city: '厦门市', code: '350200', areaCode: '0592', weight: 2, districts: [['思明区', '350203'], ['湖里区', '350206']] },
  { province: '湖南省', city: '长沙市', code: '430100', areaCode: '0731', weight: 3, districts: [['芙蓉区', '430102'], ['天心区', '430103'], ['岳麓区', '430104']] },
  { province: '河南省', city: '郑州市', code: '410100', areaCode: '0371', weight: 3, districts: [['中原区', '410102'], ['金水区', '410105']] },
  { province: '安徽省', city: '合肥市', code: '340100', areaCode: '0551', weight: 2, districts: [['瑶海区', '340102'], ['蜀山区', '340104']] },
  { province: '辽宁省', city: '沈阳市', code: '210100', areaCode: '024', weight: 2, districts: [['和平区', '210102'], ['沈河区', '210103']] },
  { province: '辽宁省', city: '大连市', code: '210200', areaCode: '0411', weight: 2, districts: [['中山区', '210202'], ['西岗区', '210203']] },
  { province: '河北省', city: '石家庄市', code: '130100', areaCode: '0311', weight: 1, districts: [['长安区', '130102'], ['桥西区', '130104']] },
  { province: '云南省', city: '昆明市', code: '530100', areaCode: '0871', weight: 1, districts: [['五华区', '530102'], ['盘龙区', '530103']] },
  { province: '江西省', city: '南昌市', code: '360100', areaCode: '0791', weight: 1, districts: [['东湖区', '360102'], ['西湖区', '360103']] },
  { province: '广西壮族自治区', city: '南宁市', code: '450100', areaCode: '0771', weight: 1, districts: [['兴宁区', '450102'], ['青秀区', '450103']] },
  { province: '黑龙江省', city: '哈尔滨市', code: '230100', areaCode: '0451', weight: 1, districts: [['道里区', '230102'], ['南岗区', '230103']] },
  { province: '吉林省', city: '长春市', code: '220100', areaCode: '0431', weight: 1, districts: [['南关区', '220102'], ['朝阳区', '220104']] },
  { province: '山西省', city: '太原市', code: '140100', areaCode: '0351', weight: 1, districts: [['小店区', '140105'], ['迎泽区', '140106']] },
  { province: '贵州省', city: '贵阳市', code: '520100', areaCode: '0851', weight: 1, districts: [['南明区', '520102'], ['云岩区', '520103']] },
  { province: '海南省', city: '海口市', code: '460100', areaCode: '0898', weight: 1, districts: [['秀英区', '460105'], ['龙华区', '460106']] },
];

/** The city name without 市, as it opens a company name (杭州云帆科技有限公司). */
export function cityShort(c: City): string {
  return c.city.replace(/市$/, '');
}

export const ROADS = [
  '人民路', '中山路', '解放路', '建设路', '和平路', '长江路', '文化路', '新华路', '延安路', '科技路', '创新大道',
  '世纪大道', '金融街', '滨江大道', '学院路', '东风路', '青年路', '南京路', '北京路', '高新大道',
] as const;

package source

import (
	"strings"
	"unicode"
)

// pinyinTable lists common Chinese surname and given-name characters by
// their Mandarin reading (toneless pinyin, ü written v). Compiled for
// dyad by hand; a character with several readings appears under each.
// It is used to romanize the authors' names of Chinese reprint headers
// and to pair them with English names in bios, not for general text.
const pinyinTable = `
a:阿 ai:艾爱蔼 an:安 ang:昂 ao:敖奥傲
ba:巴 bai:白百柏 ban:班 bao:包鲍宝保 bei:贝北 ben:本 bi:毕碧 bian:边卞 bin:斌彬滨 bing:冰兵炳 bo:博柏波伯 bu:步卜
cai:蔡才彩 can:灿 cang:苍 cao:曹 cen:岑 ceng:曾 chai:柴 chang:常昌畅长 chao:超朝 chen:陈晨辰臣琛 cheng:程成诚城承澄 chi:池驰 chong:崇 chu:楚储初 chuan:川传 chun:春纯淳 cong:丛聪 cui:崔翠
da:达大 dai:戴代黛 dan:丹单 dang:党 dao:道 deng:邓登 di:狄迪笛 dian:典 ding:丁定鼎 dong:董东冬栋 dou:窦 du:杜都 duan:段端 dun:敦
e:鄂 en:恩 er:尔
fan:范樊凡帆 fang:方房芳放 fei:费飞菲 fen:芬 feng:冯丰凤峰锋枫 fu:付傅符福富甫芙
gan:甘 gang:刚钢 gao:高 ge:葛戈 geng:耿 gong:龚宫弓公 gu:顾谷古 guan:关管冠 guang:广光 gui:桂贵 guo:郭国果
han:韩汉寒涵晗含 hang:杭航 hao:郝浩昊皓好 he:何贺和赫荷 hei:黑 heng:衡恒 hong:洪红宏鸿弘虹 hou:侯厚 hu:胡虎湖 hua:华花 huai:怀 huan:欢桓焕 huang:黄皇煌 hui:惠辉慧晖 hun:浑 huo:霍
ji:姬吉纪季冀基继吉济 jia:贾佳嘉家 jian:简剑建健坚鉴 jiang:江姜蒋将疆 jiao:焦娇 jie:杰洁捷解 jin:金晋锦瑾进津 jing:景静晶京敬菁婧 jiu:久 ju:居菊 juan:娟 jun:军君俊峻钧骏
kai:凯开楷 kang:康 ke:柯可克珂 kong:孔 kuang:匡旷 kun:坤昆
lai:赖来 lan:兰蓝岚澜 lang:郎朗 lao:劳 le:乐 lei:雷蕾磊 leng:冷 li:李黎利丽立力礼莉理历 lian:连廉莲 liang:梁良亮 liao:廖 lin:林琳霖麟 ling:凌玲灵岭 liu:刘柳流 long:龙隆 lou:娄楼 lu:卢陆鲁路露璐禄 lv:吕律绿 luan:栾 lun:伦 luo:罗骆洛
ma:马 mai:麦 man:满曼 mao:毛茂 mei:梅美玫媚 meng:孟蒙梦萌 mi:米宓 miao:苗妙 min:闵敏民 ming:明铭鸣 mo:莫墨 mou:牟 mu:穆慕木
na:娜那 nan:南楠 ni:倪妮 nian:年 nie:聂 ning:宁凝 niu:牛 nong:农
ou:欧
pan:潘攀 pang:庞 pei:裴佩培 peng:彭鹏 pi:皮 ping:平萍 pu:蒲浦朴普
qi:齐戚祁琪奇启 qian:钱倩谦千 qiang:强 qiao:乔 qin:秦勤琴钦 qing:青清庆晴卿 qiu:邱秋丘 qu:曲瞿屈渠 quan:全权泉 que:阙
ran:冉然 rao:饶 ren:任仁 rong:荣容蓉融 ru:茹如汝 ruan:阮 rui:瑞睿蕊锐 run:润
sha:沙莎 shan:单山珊善 shang:尚商 shao:邵少韶 shen:沈申深 sheng:盛生胜圣晟 shi:石史施时师诗世实士 shou:寿守 shu:舒淑树书 shuang:双爽 shui:水 shun:顺 si:司思斯 song:宋松颂 su:苏素肃 sun:孙 suo:索
tai:台泰 tan:谭谈坦 tang:唐汤棠 tao:陶涛桃 teng:滕腾 tian:田天添恬 tie:铁 ting:婷廷亭庭 tong:童佟彤通同桐 tu:涂屠
wan:万宛婉晚 wang:王汪旺 wei:魏韦卫伟薇威巍维为蔚 wen:温文闻雯 weng:翁 wu:吴武伍伍邬巫午悟
xi:习席西希熙曦喜 xia:夏霞 xian:冼先贤娴仙宪 xiang:向项香祥翔湘 xiao:肖萧晓小笑孝 xie:谢解 xin:辛欣新馨鑫心信 xing:邢兴星幸杏行 xiong:熊雄 xiu:修秀 xu:徐许须旭 xuan:宣轩萱璇 xue:薛雪学 xun:荀寻迅勋
ya:雅亚娅 yan:严颜闫阎燕岩彦艳妍言延炎 yang:杨阳扬洋 yao:姚尧耀瑶 ye:叶业烨 yi:易伊义毅怡仪艺宜一亿奕 yin:殷尹银音 ying:应英颖莹盈瑛 yong:雍永勇 you:尤游友 yu:于余俞虞宇玉雨瑜钰郁禹 yuan:袁元远源园苑媛 yue:岳乐月悦越 yun:云芸韵运
zai:载 zang:臧 zeng:曾 zhai:翟 zhan:詹展湛 zhang:张章彰璋长 zhao:赵兆昭朝 zhe:哲浙 zhen:郑甄珍真振贞 zheng:郑正政峥征铮 zhi:智志之芝致治植 zhong:钟仲中忠 zhou:周舟州 zhu:朱祝诸竹珠 zhuang:庄壮 zhuo:卓 zi:子紫梓 zong:宗 zou:邹 zu:祖 zuo:左佐
`

// compoundSurnames are two-character surnames.
var compoundSurnames = map[string]bool{"欧阳": true, "司马": true, "诸葛": true, "上官": true, "东方": true, "皇甫": true, "令狐": true, "慕容": true, "尉迟": true, "公孙": true, "夏侯": true, "司徒": true, "长孙": true}

var pinyinOf = func() map[rune][]string {
	m := map[rune][]string{}
	for _, group := range strings.Fields(pinyinTable) {
		syl, chars, ok := strings.Cut(group, ":")
		if !ok {
			continue
		}
		for _, r := range chars {
			if !containsStr(m[r], syl) {
				m[r] = append(m[r], syl)
			}
		}
	}
	return m
}()

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// splitChineseName splits a Chinese personal name into surname and given
// name (compound surnames recognized).
func splitChineseName(name string) (surname, given string) {
	r := []rune(name)
	if len(r) >= 3 && compoundSurnames[string(r[:2])] {
		return string(r[:2]), string(r[2:])
	}
	if len(r) == 0 {
		return "", ""
	}
	return string(r[:1]), string(r[1:])
}

// Romanize returns the pinyin romanization of a Chinese personal name,
// surname first, as Chinese passports write it: "张梅" → "Zhang Mei",
// "吕耀东" → "Lyu Yaodong". ok is false when a character is not in the
// table.
func Romanize(name string) (string, bool) {
	sur, given := splitChineseName(name)
	s, ok1 := romanizePart(sur)
	g, ok2 := romanizePart(given)
	if s == "" {
		return "", false
	}
	if g == "" {
		return s, ok1 && ok2
	}
	return s + " " + g, ok1 && ok2
}

func romanizePart(part string) (string, bool) {
	var b strings.Builder
	ok := true
	for _, r := range part {
		syl := pinyinOf[r]
		if len(syl) == 0 {
			ok = false
			continue
		}
		b.WriteString(strings.ReplaceAll(syl[0], "v", "yu"))
	}
	s := b.String()
	if s == "" {
		return "", ok
	}
	return strings.ToUpper(s[:1]) + s[1:], ok
}

// pinyinMatches reports whether an English-script name (e.g. "Lyu
// Yaodong", "Yaodong Lu", "ZHANG Mei") is a romanization of the Chinese
// name zh, trying every reading of each character, surname first or last.
func pinyinMatches(zh, english string) bool {
	target := foldRoman(english)
	if target == "" {
		return false
	}
	sur, given := splitChineseName(zh)
	for _, order := range [][2]string{{sur, given}, {given, sur}} {
		if matchReadings([]rune(order[0]+order[1]), target) {
			return true
		}
	}
	return false
}

// foldRoman lowercases a name, keeps letters only and folds the spellings
// of ü (ü, v, yu after l/n) to "u".
func foldRoman(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r == 'ü' || r == 'v':
			b.WriteByte('u')
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case unicode.IsLetter(r):
			return "" // not a romanized name
		}
	}
	out := b.String()
	out = strings.ReplaceAll(out, "lyu", "lu")
	out = strings.ReplaceAll(out, "nyu", "nu")
	return out
}

func matchReadings(chars []rune, target string) bool {
	if len(chars) == 0 {
		return target == ""
	}
	for _, syl := range pinyinOf[chars[0]] {
		syl = strings.ReplaceAll(syl, "v", "u")
		if strings.HasPrefix(target, syl) && matchReadings(chars[1:], target[len(syl):]) {
			return true
		}
	}
	return false
}

#include "templates/name_words.hpp"

#include <algorithm>
#include <span>

namespace tkt::names {
namespace {

// Common Russian given names and short forms, some Ukrainian, Kazakh, Tatar, Armenian
// and Georgian ones, and the usual Latin spellings of the Russian ones: the list that
// tells "Петрова Ирина" (surname first) from "Ирина Петрова". Sorted for binary search.
constexpr std::string_view k_given_names[]{
    "aleksandr",  "aleksandra", "aleksei",    "aleksey",   "alena",     "alexander", "alexandra",  "alexei",
    "alexey",     "alina",      "alla",       "alyona",    "alyosha",   "anastasia", "anastasiya", "anatoly",
    "andrei",     "andrey",     "anna",       "anton",     "arkady",    "arseny",    "artem",      "artyom",
    "boris",      "daria",      "darya",      "dasha",     "denis",     "dima",      "dmitri",     "dmitrii",
    "dmitriy",    "dmitry",     "egor",       "ekaterina", "elena",     "elizaveta", "evgenia",    "evgeniy",
    "evgeniya",   "evgeny",     "fedor",      "fyodor",    "galina",    "gennady",   "georgy",     "gleb",
    "grigory",    "igor",       "ilya",       "inna",      "irina",     "ivan",      "julia",      "katya",
    "kirill",     "kolya",      "konstantin", "kostya",    "ksenia",    "kseniya",   "ksusha",     "larisa",
    "lena",       "lev",        "lidia",      "ludmila",   "lyosha",    "lyudmila",  "maksim",     "margarita",
    "maria",      "marina",     "mariya",     "masha",     "maxim",     "mikhail",   "misha",      "nadezhda",
    "nastya",     "natalia",    "natalya",    "natasha",   "nikita",    "nikolai",   "nikolay",    "nina",
    "oksana",     "oleg",       "olga",       "olya",      "pasha",     "pavel",     "petr",       "polina",
    "pyotr",      "roman",      "ruslan",     "sasha",     "semen",     "semyon",    "sergei",     "sergey",
    "seryozha",   "slava",      "sofia",      "sofya",     "stanislav", "sveta",     "svetlana",   "tanya",
    "taras",      "tatiana",    "tatyana",    "timur",     "vadim",     "valentina", "valeriy",    "valery",
    "vanya",      "vasiliy",    "vasily",     "vera",      "veronika",  "victoria",  "viktor",     "viktoria",
    "vitaliy",    "vitaly",     "vladimir",   "vladislav", "volodya",   "vova",      "vyacheslav", "yakov",
    "yana",       "yaroslav",   "yekaterina", "yelena",    "yevgeny",   "yulia",     "yuliya",     "yuri",
    "yuriy",      "zhanna",     "zhenya",     "агата",     "агния",     "аделина",   "азамат",     "азат",
    "айбек",      "айгерим",    "айгуль",     "айдар",     "алан",      "алевтина",  "александр",  "александра",
    "алексей",    "алена",      "алеша",      "алина",     "алиса",     "алишер",    "алия",       "алла",
    "алмаз",      "альберт",    "альбина",    "аля",       "амина",     "анаит",     "анастасия",  "анатолий",
    "ангелина",   "андрей",     "андрій",     "анжела",    "анжелика",  "анна",      "антон",      "антонина",
    "аня",        "арина",      "аркадий",    "арман",     "армен",     "арсен",     "арсений",    "артем",
    "артур",      "асель",      "асхат",      "ася",       "афанасий",  "ашот",      "бахтияр",    "белла",
    "богдан",     "богдана",    "борис",      "боря",      "вадик",     "вадим",     "вазген",     "валентин",
    "валентина",  "валера",     "валерий",    "валерия",   "валя",      "ваня",      "варвара",    "варя",
    "василий",    "василина",   "василиса",   "василь",    "вася",      "вахтанг",   "вениамин",   "вера",
    "вероника",   "вика",       "виктор",     "виктория",  "виолетта",  "виталий",   "витя",       "влад",
    "владимир",   "владислав",  "вова",       "володимир", "володя",    "всеволод",  "вячеслав",   "віктор",
    "вікторія",   "віра",       "віталій",    "гавриил",   "галина",    "галя",      "ганна",      "гаяне",
    "гена",       "геннадий",   "георгий",    "герман",    "глеб",      "гоша",      "григорий",   "григорій",
    "гриша",      "гузель",     "гульмира",   "гульнара",  "гурам",     "давид",     "дамир",      "даниил",
    "данила",     "данило",     "данияр",     "даня",      "дарина",    "дарья",     "даша",       "демьян",
    "денис",      "диана",      "диляра",     "дима",      "дина",      "динара",    "дмитрий",    "дмитро",
    "ева",        "евгений",    "евгения",    "евдокия",   "егор",      "екатерина", "елена",      "елизавета",
    "елисей",     "емельян",    "ербол",      "ерлан",     "есения",    "ефим",      "жан",        "жанар",
    "жанна",      "женя",       "жора",       "зарина",    "захар",     "зина",      "зинаида",    "злата",
    "зоряна",     "зоя",        "зураб",      "зіновій",   "иван",      "игнат",     "игнатий",    "игорь",
    "ильдар",     "ильнур",     "илья",       "ильяс",     "илюша",     "инга",      "инна",       "иннокентий",
    "иосиф",      "ира",        "ирина",      "ислам",     "камила",    "камиль",    "карина",     "карине",
    "катерина",   "катя",       "кира",       "кирилл",    "кирило",    "клавдия",   "климент",    "коля",
    "константин", "костя",      "кристина",   "ксения",    "ксюша",     "лара",      "лариса",     "лев",
    "лева",       "леван",      "левко",      "лейла",     "лена",      "леонид",    "лера",       "леся",
    "леша",       "лиана",      "лидия",      "лиза",      "лилия",     "лиля",      "лука",       "лукьян",
    "люба",       "любов",      "любовь",     "люда",      "людмила",   "ляйсан",    "мадина",     "майя",
    "макар",      "макс",       "максим",     "мар'яна",   "марат",     "маргарита", "марианна",   "марина",
    "мария",      "марк",       "мартин",     "марьяна",   "марія",     "матвей",    "маша",       "микола",
    "мила",       "милана",     "мирон",      "мирослав",  "мирослава", "митя",      "михаил",     "михайло",
    "миша",       "мурат",      "надежда",    "надя",      "надія",     "назар",     "настя",      "наталия",
    "наталья",    "наталія",    "наташа",     "нелли",     "ника",      "никита",    "николай",    "нина",
    "нино",       "нодар",      "нонна",      "нурлан",    "нурсултан", "оксана",    "олег",       "олександр",
    "олександра", "олексій",    "олена",      "олесь",     "олеся",     "олжас",     "ольга",      "оля",
    "орест",      "остап",      "отар",       "павел",     "павло",     "паша",      "пелагея",    "петр",
    "петро",      "петя",       "платон",     "полина",    "поля",      "прохор",    "радик",      "раиса",
    "рамиль",     "расул",      "рафаэль",    "рашид",     "реваз",     "регина",    "ренат",      "римма",
    "ринат",      "рита",       "родион",     "роза",      "розалия",   "рома",      "роман",      "ростислав",
    "руслан",     "рустам",     "сабина",     "савва",     "савелий",   "салтанат",  "самвел",     "саша",
    "света",      "светлана",   "святослав",  "світлана",  "сема",      "семен",     "сеня",       "серафима",
    "сергей",     "сергій",     "сережа",     "слава",     "снежана",   "соломія",   "соня",       "софия",
    "софья",      "софія",      "станислав",  "стас",      "степа",     "степан",    "стефания",   "тагир",
    "таисия",     "тамара",     "тамила",     "таня",      "тарас",     "татьяна",   "тема",       "тенгиз",
    "тетяна",     "тигран",     "тима",       "тимофей",   "тимур",     "тихон",     "толя",       "тома",
    "тоня",       "трофим",     "ульяна",     "уля",       "уляна",     "фаина",     "фарид",      "федор",
    "федя",       "феликс",     "филипп",     "христина",  "шамиль",    "шура",      "эвелина",    "эдик",
    "эдуард",     "элеонора",   "элина",      "эльвира",   "эльдар",    "эльмира",   "эльнур",     "эмилия",
    "эмиль",      "эрик",       "юлиан",      "юлиана",    "юлия",      "юля",       "юлія",       "юра",
    "юрий",       "юрій",       "яков",       "ян",        "яна",       "ярина",     "ярослав",    "ярослава",
    "євген",      "іван",       "іванна",     "ігор",      "ірина"};
static_assert(std::ranges::is_sorted(k_given_names));

constexpr std::string_view k_titles[]{
    "capt",      "captain",      "col",      "dame",   "dear",      "dipl",   "doctor", "dott",      "dr",
    "dra",       "father",       "fr",       "frau",   "herr",      "lady",   "lord",   "lt",        "madam",
    "madame",    "mademoiselle", "mag",      "maj",    "messrs",    "miss",   "mister", "mlle",      "mme",
    "monsieur",  "mr",           "mrs",      "ms",     "mx",        "pastor", "prof",   "professor", "rabbi",
    "rev",       "reverend",     "senor",    "senora", "señor",     "señora", "sgt",    "sir",       "sra",
    "srta",      "акад",         "академик", "г-жа",   "г-н",       "гжа",    "гн",     "господин",  "госпожа",
    "гражданин", "гражданка",    "д-р",      "доктор", "доц",       "доцент", "мисс",   "миссис",    "мистер",
    "пан",       "пани",         "пані",     "проф",   "профессор", "сэр",    "тов",    "товарищ",   "уважаемая",
    "уважаемый"};

constexpr std::string_view k_suffixes[]{"bsc", "cbe", "cfa", "cpa", "dds", "dvm", "esq", "facs", "frcs",
                                        "ii",  "iii", "iv",  "jd",  "jnr", "jr",  "kbe", "llm",  "ma",
                                        "mba", "mbe", "md",  "mph", "msc", "obe", "phd", "pmp",  "rn",
                                        "snr", "sr",  "дтн", "кмн", "ктн", "кэн", "мл",  "ст"};

// Legal forms of companies, "ACME Corp." and "ООО Ромашка"; "ИП" is a company form
// of one person, whose mail is business mail.
constexpr std::string_view k_legal_forms[]{
    "ag",  "bv",  "co",  "corp", "corporation", "gmbh", "inc", "incorporated", "limited", "llc", "llp",
    "ltd", "plc", "pty", "sarl", "srl",         "ано",  "ао",  "гуп",          "зао",     "ип",  "муп",
    "нао", "нко", "оао", "ооо",  "пао",         "тоо",  "ук",  "фгуп",         "чп"};

// Words no person's name holds; seeing one, the greeting names nobody rather than
// "Hello Support,". Hyphenated words are looked up by their parts too ("no-reply").
constexpr std::string_view k_company_words[]{
    "accounting",    "accounts",     "admin",      "administration", "administrator", "agency",
    "alert",         "alerts",       "automated",  "bank",           "billing",       "bot",
    "bureau",        "careers",      "center",     "centre",         "clinic",        "club",
    "company",       "contact",      "crew",       "customer",       "customers",     "daemon",
    "department",    "dept",         "desk",       "donotreply",     "enterprises",   "feedback",
    "finance",       "foundation",   "group",      "help",           "helpdesk",      "holding",
    "holdings",      "hotel",        "hr",         "info",           "information",   "institute",
    "international", "invoice",      "invoices",   "jobs",           "labs",          "mailer",
    "management",    "marketing",    "news",       "newsletter",     "noreply",       "notification",
    "notifications", "office",       "operations", "orders",         "payments",      "postmaster",
    "press",         "reception",    "recruiting", "reply",          "robot",         "sales",
    "school",        "security",     "service",    "services",       "shop",          "solutions",
    "staff",         "store",        "studio",     "support",        "system",        "systems",
    "team",          "technologies", "the",        "university",     "webmaster"};

constexpr std::string_view k_company_words_ru[]{
    "агентство",   "администратор", "администрация", "аптека",       "банк",         "бот",         "бухгалтерия",
    "группа",      "завод",         "канцелярия",    "клиентов",     "клиника",      "команда",     "компания",
    "корпорация",  "магазин",       "менеджер",      "министерство", "отдел",        "отдела",      "поддержка",
    "поддержки",   "приемная",      "продаж",        "рассылка",     "редакция",     "робот",       "салон",
    "секретариат", "сервис",        "служба",        "студия",       "техподдержка", "уведомления", "университет",
    "управление",  "фирма",         "холдинг",       "центр",        "школа"};

constexpr std::string_view k_particles[]{"al", "bin", "da",  "das", "de", "del", "della", "der", "di",  "dos",
                                         "du", "el",  "ibn", "la",  "le", "ten", "ter",   "van", "von", "zu"};

constexpr std::string_view k_top_level_domains[]{"ai",   "app",   "biz", "by", "co",  "com",    "de",  "dev", "eu",
                                                 "info", "io",    "kz",  "me", "net", "online", "org", "ru",  "shop",
                                                 "site", "store", "su",  "ua", "uk",  "us",     "рф"};

// Only endings that few given names share: "-ин" and "-ина" are here because the
// given-name list is asked first, and Latin "-in" is not ("Kevin", "Martin").
constexpr std::string_view k_surname_endings[]{
    "ов",   "ова",  "ев",    "ева",  "ин",    "ина",    "ын",   "ына",  "ский", "ская",   "ской",
    "цкий", "цкая", "ський", "ська", "цький", "цька",   "ых",   "их",   "енко", "ук",     "юк",
    "ян",   "янц",  "швили", "дзе",  "ая",    "ой",     "ov",   "ova",  "ev",   "eva",    "sky",
    "skiy", "skii", "skaya", "tsky", "tskiy", "tskaya", "enko", "chuk", "yuk",  "shvili", "dze"};

constexpr std::string_view k_patronymic_endings[]{"вич",  "вна",  "ична", "ьич",   "оглы",
                                                  "кызы", "vich", "vna",  "ichna", "yich"};

bool contains(std::span<const std::string_view> words, std::string_view key) {
    return std::ranges::find(words, key) != words.end();
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::ranges::count_if(text, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

bool is_given_name(std::string_view key) {
    return std::ranges::binary_search(k_given_names, key);
}

bool is_title(std::string_view key) {
    return contains(k_titles, key);
}

bool is_suffix(std::string_view key) {
    return contains(k_suffixes, key);
}

bool is_company_word(std::string_view key) {
    return contains(k_legal_forms, key) || contains(k_company_words, key) || contains(k_company_words_ru, key);
}

bool is_particle(std::string_view key) {
    return contains(k_particles, key);
}

bool is_top_level_domain(std::string_view key) {
    return contains(k_top_level_domains, key);
}

bool looks_like_surname(std::string_view key) {
    return std::ranges::any_of(k_surname_endings, [&](std::string_view ending) {
        return key.ends_with(ending) && code_points(key) >= code_points(ending) + 2;
    });
}

bool is_patronymic(std::string_view key) {
    return std::ranges::any_of(k_patronymic_endings, [&](std::string_view ending) { return key.ends_with(ending); });
}

}  // namespace tkt::names

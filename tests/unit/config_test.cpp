#include "core/config.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "test_support.hpp"

#include <doctest/doctest.h>
#include <fstream>

using namespace tkt;
using tkt::test::TempDir;
using tkt::test::write_file;

namespace {

std::string load_error(const TempDir& dir) {
    return test::config_error_of([&] { load_config(dir.path(), "me"); });
}

}  // namespace

TEST_CASE("config::load_config") {
    TempDir dir;
    SUBCASE("no file: defaults, and the fallback login") {
        const auto config = load_config(dir.path(), "me");
        CHECK(config.agent.login == "me");
        CHECK(config.agent.full_name.empty());  // replies refuse to go unsigned
        CHECK(config.lang == "en");
        CHECK(config.repeat_window == 7 * 86400);
    }
    SUBCASE("a full file") {
        write_file(dir / "config.toml", R"toml(
[agent]
login = "anna"
full_name = "Анна Смирнова"
email = "anna@example.com"
[mail]
sendmail = ["/bin/true"]
[defaults]
lang = "ru"
[routing]
on_new = false
repeat_window = "3d"
)toml");
        const auto config = load_config(dir.path(), "me");
        CHECK(config.agent.login == "anna");
        CHECK(config.agent.full_name.in("ru") == "Анна Смирнова");
        CHECK(config.agent.first_name_in("en") == "Анна");
        CHECK(config.mail.sendmail == std::vector<std::string>{"/bin/true"});
        CHECK(config.lang == "ru");
        CHECK_FALSE(config.route_on_new);
        CHECK(config.repeat_window == 3 * 86400);
    }
    SUBCASE("a syntax error names file, line and column") {
        write_file(dir / "config.toml", "[agent]\nlogin = \"anna\nfull_name = 1\n");
        const auto message = load_error(dir);
        CHECK(message.find((dir / "config.toml").string() + ":2:") == 0);
    }
    SUBCASE("an unknown key is an error with a suggestion") {
        write_file(dir / "config.toml", "[agent]\nlogin = \"anna\"\nfull_nmae = \"Anna\"\n");
        CHECK(load_error(dir) ==
              (dir / "config.toml").string() + ":3:1: unknown key 'agent.full_nmae' (did you mean 'full_name'?)");
    }
    SUBCASE("a value of the wrong type") {
        write_file(dir / "config.toml", "[routing]\non_new = \"yes\"\n");
        CHECK(load_error(dir) == (dir / "config.toml").string() + ":2:10: 'on_new' must be true or false");
    }
    SUBCASE("no acknowledgements unless [acknowledge] names a template") {
        CHECK_FALSE(load_config(dir.path(), "me").acknowledge.enabled());
        write_file(dir / "config.toml", "[acknowledge]\nmax_per_address_per_day = 5\n");
        const auto config = load_config(dir.path(), "me");
        CHECK_FALSE(config.acknowledge.enabled());
        CHECK(config.acknowledge.max_per_address_per_day == 5);
    }
    SUBCASE("[acknowledge]: a template for all, and a queue's own or none") {
        write_file(dir / "config.toml", R"toml(
[acknowledge]
template = "received"
signed_by = { en = "Example Support", ru = "Поддержка Example" }
[acknowledge.queues]
spam = false
vip = "received_vip"
)toml");
        const auto settings = load_config(dir.path(), "me").acknowledge;
        CHECK(settings.enabled());
        CHECK(settings.max_per_address_per_day == 10);
        CHECK(settings.signed_by.in("ru") == "Поддержка Example");
        CHECK(settings.template_for(std::nullopt) == "received");
        CHECK(settings.template_for("general") == "received");
        CHECK(settings.template_for("spam") == std::nullopt);
        CHECK(settings.template_for("vip") == "received_vip");
        CHECK(settings.queues.at("vip").line == 7);
        CHECK(settings.queues.at("vip").column == 7);
    }
    SUBCASE("[acknowledge]: only one queue") {
        write_file(dir / "config.toml", "[acknowledge]\ntemplate = false\nqueues = { vip = \"received\" }\n");
        const auto settings = load_config(dir.path(), "me").acknowledge;
        CHECK(settings.enabled());
        CHECK(settings.template_for("general") == std::nullopt);
        CHECK(settings.template_for("vip") == "received");
    }
    SUBCASE("[acknowledge]: wrong values") {
        const auto file = (dir / "config.toml").string();
        write_file(dir / "config.toml", "[acknowledge]\ntemplate = true\n");
        CHECK(load_error(dir) == file + ":2:12: 'acknowledge.template' must be a template name such as "
                                        "\"received\", or false for none");
        write_file(dir / "config.toml", "[acknowledge]\nmax_per_address_per_day = 0\n");
        CHECK(load_error(dir).starts_with(file + ":2:27: 'acknowledge.max_per_address_per_day' must be a whole"));
        write_file(dir / "config.toml", "[acknowledge]\nqueues = [\"spam\"]\n");
        CHECK(load_error(dir).starts_with(file + ":2:10: 'acknowledge.queues' must be a table"));
        write_file(dir / "config.toml", "[acknowledge.queues]\nspam = 1\n");
        CHECK(load_error(dir).starts_with(file + ":2:8: 'acknowledge.queues.spam' must be a template name"));
    }
    SUBCASE("a bad duration") {
        write_file(dir / "config.toml", "[routing]\nrepeat_window = \"a week\"\n");
        CHECK(load_error(dir).find(":2:17: 'repeat_window' must be a duration") != std::string::npos);
    }
}

TEST_CASE("paths::resolve_paths") {
    const Environment env({{"HOME", "/home/anna"}, {"XDG_DATA_HOME", "/data"}});
    SUBCASE("flags win") {
        const auto paths = resolve_paths("/x.db", "/conf", env);
        CHECK(paths.database == "/x.db");
        CHECK(paths.config_dir == "/conf");
    }
    SUBCASE("XDG and HOME defaults") {
        const auto paths = resolve_paths(std::nullopt, std::nullopt, env);
        CHECK(paths.database == "/data/tkt/tkt.db");
        CHECK(paths.config_dir == "/home/anna/.config/tkt");
    }
    SUBCASE("TKT_ variables") {
        const Environment tkt_env({{"HOME", "/h"}, {"TKT_DB", "/t.db"}, {"TKT_CONFIG", "/c"}});
        const auto paths = resolve_paths(std::nullopt, std::nullopt, tkt_env);
        CHECK(paths.database == "/t.db");
        CHECK(paths.config_dir == "/c");
    }
    SUBCASE("a relative XDG directory is ignored, as the spec says") {
        const Environment relative({{"HOME", "/h"}, {"XDG_DATA_HOME", "rel"}});
        CHECK(resolve_paths(std::nullopt, std::nullopt, relative).database == "/h/.local/share/tkt/tkt.db");
    }
    SUBCASE("no HOME at all") {
        CHECK_THROWS_AS(resolve_paths(std::nullopt, std::nullopt, Environment{}), Error);
    }
}

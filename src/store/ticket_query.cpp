#include "store/ticket_query.hpp"

#include "core/ticket.hpp"
#include "store/search_query.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace tkt::store {
namespace {

std::string_view column_of(Field field) {
    switch (field) {
    case Field::id: return "t.id";
    case Field::status: return "t.status";
    case Field::queue: return "t.queue";
    case Field::line: return "t.line";
    case Field::priority: return "t.priority";
    case Field::assignee: return "t.assignee";
    case Field::requester: return "t.requester";
    case Field::channel: return "t.channel";
    case Field::language: return "t.language";
    case Field::tag: return "tag";
    case Field::created: return "t.created_at";
    case Field::updated: return "t.updated_at";
    case Field::breaching:
    case Field::due:
    case Field::text: return "TRUE";
    }
    return "t.id";
}

class Builder {
public:
    // Numbers the parameters from ?`first`.
    explicit Builder(Dialect dialect, int first = 1) : m_dialect(dialect), m_first(first) {}

    // The tickets whose text has all of `terms`, or (`without`) has not.
    std::string text(std::span<const Term> terms, bool without) {
        const auto condition = text_condition(m_dialect, parameter(text_query(m_dialect, terms)));
        return without ? fmt::format("NOT {}", condition) : condition;
    }

    std::string parameter(std::int64_t value) {
        m_parameters.push_back(Parameter{false, value, {}});
        return number();
    }

    std::string parameter(std::string value) {
        m_parameters.push_back(Parameter{true, 0, std::move(value)});
        return number();
    }

    // "column IN (...)", where an empty value means the column is NULL.
    std::string any_of(std::string_view column, const std::vector<std::string>& values) {
        std::vector<std::string> alternatives;
        std::string in_list;
        for (const auto& value : values) {
            if (value.empty()) {
                alternatives.push_back(fmt::format("{} IS NULL", column));
                continue;
            }
            in_list += (in_list.empty() ? "" : ", ") + parameter(value);
        }
        if (!in_list.empty()) {
            alternatives.push_back(fmt::format("{} IN ({})", column, in_list));
        }
        return alternatives.size() == 1 ? alternatives[0] : fmt::format("({})", fmt::join(alternatives, " OR "));
    }

    std::string condition(const Term& term) {
        const auto column = column_of(term.field);
        switch (term.field) {
        case Field::id: return fmt::format("{} BETWEEN {} AND {}", column, parameter(term.low), parameter(term.high));
        case Field::line: return fmt::format("{} = {}", column, parameter(term.low));
        case Field::tag:
            return fmt::format("{}EXISTS (SELECT 1 FROM tags WHERE ticket_id = t.id AND tag = {})",
                               term.compare == Compare::not_equal ? "NOT " : "", parameter(term.values.at(0)));
        case Field::requester: return requester(term.values);
        case Field::breaching:
        case Field::due: return "TRUE";  // SLA terms: the caller keeps what matches them
        case Field::created:
        case Field::updated:
            return fmt::format("{} {} {}", column, term.compare == Compare::less ? "<" : ">", parameter(term.low));
        default: return any_of(column, term.values);
        }
    }

    std::vector<Parameter> take_parameters() { return std::move(m_parameters); }

    // Tickets from any identity of the customers `values` belong to.
    std::string requester(const std::vector<std::string>& values) {
        std::string list;
        for (const auto& value : values) {
            list += (list.empty() ? "" : ", ") + parameter(value);
        }
        return same_customer("t.requester", list);
    }

private:
    std::string number() const {
        return fmt::format("?{}", static_cast<std::size_t>(m_first) + m_parameters.size() - 1);
    }

    Dialect m_dialect;
    int m_first;
    std::vector<Parameter> m_parameters;
};

// Returns true for a term that every ticket matches: all the statuses (status:any), all
// the priorities or all the channels, columns never NULL. As a condition it would only
// lead the planner to read the tickets by status and sort them all for one page.
bool holds_for_every_ticket(const Term& term) {
    std::span<const std::string_view> names;
    switch (term.field) {
    case Field::status: names = tkt::status_names(); break;
    case Field::priority: names = tkt::priority_names(); break;
    case Field::channel: names = tkt::channel_names(); break;
    default: return false;
    }
    return term.compare == Compare::equal && std::ranges::all_of(names, [&](std::string_view name) {
               return std::ranges::find(term.values, name) != term.values.end();
           });
}

std::vector<std::string> conditions_of(const Filter& filter, Builder& builder) {
    std::vector<std::string> conditions;
    std::vector<Term> wanted;  // text terms: one search for all that must be there
    for (const auto& term : filter.terms) {
        if (holds_for_every_ticket(term)) {
            continue;
        }
        if (term.field != Field::text) {
            conditions.push_back(builder.condition(term));
        } else if (term.compare == Compare::equal) {
            wanted.push_back(term);
        } else {
            conditions.push_back(builder.text(std::span(&term, 1), true));
        }
    }
    if (!wanted.empty()) {
        conditions.push_back(builder.text(wanted, false));
    }
    return conditions;
}

std::string order_expression(SortField field) {
    switch (field) {
    case SortField::id: return "t.id";
    case SortField::created: return "t.created_at";
    case SortField::updated: return "t.updated_at";
    case SortField::priority:
        return "CASE t.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END";
    case SortField::status:
        return "CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 "
               "WHEN 'solved' THEN 3 ELSE 4 END";
    case SortField::queue: return "t.queue";
    case SortField::assignee: return "t.assignee";
    }
    return "t.id";
}

}  // namespace

Query build_ticket_query(const Filter& filter, std::span<const SortKey> sort, std::int64_t limit, Dialect dialect) {
    Builder builder(dialect);
    const auto conditions = conditions_of(filter, builder);
    std::string sql;
    if (!conditions.empty()) {
        sql += fmt::format(" WHERE {}", fmt::join(conditions, " AND "));
    }
    std::vector<std::string> order;
    for (const auto& key : sort) {
        order.push_back(
            fmt::format("{} {}", order_expression(key.field), key.order == Order::descending ? "DESC" : "ASC"));
    }
    order.emplace_back("t.id");  // A stable order for equal keys.
    sql += fmt::format(" ORDER BY {}", fmt::join(order, ", "));
    if (limit > 0) {
        sql += fmt::format(" LIMIT {}", builder.parameter(limit));
    }
    return Query{std::move(sql), builder.take_parameters()};
}

Query build_ticket_conditions(const Filter& filter, int first_parameter, Dialect dialect) {
    Builder builder(dialect, first_parameter);
    const auto conditions = conditions_of(filter, builder);
    std::string sql = conditions.empty() ? std::string("TRUE") : fmt::format("{}", fmt::join(conditions, " AND "));
    return Query{std::move(sql), builder.take_parameters()};
}

std::string same_customer(std::string_view column, std::string_view identities) {
    return fmt::format("({0} IN ({1}) OR {0} IN (SELECT i2.identity FROM identities AS i1 JOIN identities AS i2 "
                       "ON i2.customer_id = i1.customer_id WHERE i1.identity IN ({1})))",
                       column, identities);
}

void bind_parameters(Statement& statement, const std::vector<Parameter>& parameters, int first) {
    int index = first;
    for (const auto& parameter : parameters) {
        if (parameter.is_text) {
            statement.bind(index, parameter.text);
        } else {
            statement.bind(index, parameter.number);
        }
        ++index;
    }
}

}  // namespace tkt::store

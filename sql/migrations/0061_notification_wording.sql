-- 0061 notifications as county staff read them (DOMAIN.md "Language"): money in 万元 with
-- thousands separators and two decimals (1,473.10 万元), ratios as percentages with one decimal,
-- months as 2026年11月, dates as 2026年5月5日, and a reviewer's comment that already ends a
-- sentence not followed by a second full stop. The same rules as Campaign's `Wording`.

create function app.wording_money(amount numeric) returns text
    language sql immutable parallel safe
    as $$ select to_char(round(amount, 2), 'FM999,999,999,999,999,990.00') || ' 万元' $$;

create function app.wording_percent(ratio numeric) returns text
    language sql immutable parallel safe
    as $$ select to_char(round(ratio * 100, 1), 'FM999,999,999,990.0') || '%' $$;

create function app.wording_month(month date) returns text
    language sql immutable parallel safe
    as $$ select extract(year from month)::int || '年' || extract(month from month)::int || '月' $$;

create function app.wording_date(day date) returns text
    language sql immutable parallel safe
    as $$ select extract(year from day)::int || '年' || extract(month from day)::int || '月' || extract(day from day)::int || '日' $$;

-- A person's text as one sentence: trimmed, without the closing marks the template adds itself.
create function app.wording_sentence(text text) returns text
    language sql immutable parallel safe
    as $$ select regexp_replace(btrim(coalesce(text, '')), '[。．.！!；;，,\s]+$', '') $$;

grant execute on function app.wording_money(numeric), app.wording_percent(numeric), app.wording_month(date),
    app.wording_date(date), app.wording_sentence(text) to projectyear_app, projectyear_worker, projectyear_definer;

create or replace function app.tg_monthly_reports_returned() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
declare
    p app.projects;
begin
    select * into p from app.projects where id = new.project_id;
    perform app.notify_agency(
        p.district_id, 'report_returned',
        format('%s %s 的 %s月报被退回', p.code, p.name, app.wording_month(new.month)),
        format('退回意见：%s。请修改后重新报送。', app.wording_sentence(new.review_comment)),
        'report', new.id, new.month, 'v' || new.version);
    return null;
end
$$;

create or replace function app.tg_assessment_runs_published() returns trigger
    language plpgsql security definer set search_path = app, pg_temp
    as $$
begin
    insert into app.notifications (agency_id, kind, title, body, subject_type, subject_id, period)
    select r.agency_id, 'assessment_published',
           format('%s年%s考核结果已发布', new.year,
                  case new.period when 'Q1' then '第一季度' when 'Q2' then '第二季度' when 'Q3' then '第三季度'
                                  when 'Q4' then '第四季度' else '年度' end),
           format('本单位得分 %s，%s。', coalesce(to_char(r.score_rounded, 'FM999,990.00'), '—'),
                  coalesce('排名第 ' || r.rank || ' 名', '不参与排名')),
           'assessment', new.id, ''
      from app.assessment_results r
     where r.run_id = new.id
        on conflict on constraint notifications_once_key do nothing;
    return null;
end
$$;

-- Versioned form definitions (issue 17): the screening, assessment, plan, follow-up and closure forms
-- as data. Each version holds its UI layout and the JSON Schema of its values; a case's answers name the
-- version they were given with. City-wide (district_id NULL) or a district's own, which wins for that
-- district's cases. A published version is never changed: the trigger below refuses it.
CREATE TYPE "FormKind" AS ENUM ('SCREENING', 'ASSESSMENT', 'PLAN', 'FOLLOW_UP', 'CLOSURE');
CREATE TYPE "FormStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'RETIRED');

CREATE TABLE "form_definition" (
    "id" UUID NOT NULL,
    "kind" "FormKind" NOT NULL,
    "district_id" UUID,
    "version" INTEGER NOT NULL,
    "status" "FormStatus" NOT NULL DEFAULT 'DRAFT',
    "schema" JSONB NOT NULL,
    "layout" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "form_definition_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "form_definition_version_check" CHECK ("version" >= 1),
    -- A published (or retired) version says when it was published.
    CONSTRAINT "form_definition_published_check" CHECK (("status" = 'DRAFT') = ("published_at" IS NULL))
);

CREATE UNIQUE INDEX "form_definition_kind_district_id_version_key" ON "form_definition"("kind", "district_id", "version");
-- The city's versions (a plain unique index treats NULL district ids as distinct).
CREATE UNIQUE INDEX "form_definition_city_key" ON "form_definition"("kind", "version") WHERE "district_id" IS NULL;
-- One draft at a time per kind and scope.
CREATE UNIQUE INDEX "form_definition_one_draft_key"
  ON "form_definition"("kind", COALESCE("district_id", '00000000-0000-0000-0000-000000000000'::uuid))
  WHERE "status" = 'DRAFT';

ALTER TABLE "form_definition" ADD CONSTRAINT "form_definition_district_id_fkey" FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "form_definition" ADD CONSTRAINT "form_definition_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "form_definition" ADD CONSTRAINT "form_definition_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A published version is what recorded answers name: its content never changes, it is never deleted,
-- and it only moves on to RETIRED (no new answers). A draft may be edited, published or deleted.
CREATE FUNCTION "form_definition_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'form definition % version % is published: it is never deleted', OLD."kind", OLD."version"
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'DRAFT' AND (
       NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."district_id" IS DISTINCT FROM OLD."district_id"
    OR NEW."version" IS DISTINCT FROM OLD."version" OR NEW."schema" IS DISTINCT FROM OLD."schema"
    OR NEW."layout" IS DISTINCT FROM OLD."layout" OR NEW."published_at" IS DISTINCT FROM OLD."published_at"
    OR NEW."published_by_id" IS DISTINCT FROM OLD."published_by_id"
    OR NEW."status" = 'DRAFT' OR (OLD."status" = 'RETIRED' AND NEW."status" <> 'RETIRED')) THEN
    RAISE EXCEPTION 'form definition % version % is published: it is never changed', OLD."kind", OLD."version"
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "form_definition_immutable" BEFORE UPDATE OR DELETE ON "form_definition"
  FOR EACH ROW EXECUTE FUNCTION "form_definition_immutable"();

-- Version 1 of each form, city-wide: what an installation starts with (admins revise them as data).
-- The schemas are deriveSchema(layout) of @guanai/workflows/forms; api/src/test/forms.test.ts checks it.
INSERT INTO "form_definition" ("id", "kind", "district_id", "version", "status", "schema", "layout", "published_at") VALUES
  ('0f0a0000-0017-4000-8000-000000000001', 'SCREENING', NULL, 1, 'PUBLISHED',
   '{"type":"object","properties":{"householdSize":{"title":"共同生活家庭人口","type":"number","minimum":1,"maximum":20},"monthlyIncome":{"title":"家庭月收入（元）","type":"number","minimum":0},"livingArrangement":{"title":"居住方式","type":"string","enum":["ALONE","FAMILY","INSTITUTION"]},"receivesAid":{"title":"是否已享受政府救助","type":"boolean"},"aidSchemes":{"title":"已享受的救助","type":"array","items":{"type":"string","enum":["DIBAO","TEKUN","LINSHI","YILIAO","JIAOYU","ZHUFANG","JIUYE","SHOUZAI"]},"uniqueItems":true,"minItems":1}},"required":["householdSize","livingArrangement"],"additionalProperties":false,"allOf":[{"if":{"properties":{"receivesAid":{"const":true}},"required":["receivesAid"]},"then":{"required":["aidSchemes"]},"else":{"properties":{"aidSchemes":false}}}]}'::jsonb,
   '{"sections":[{"title":{"zh":"家庭经济状况","en":"Household economy"},"help":{"zh":"按申请人自述及核对情况填写。","en":"As the applicant states and as checked."},"fields":[{"name":"householdSize","widget":"number","label":{"zh":"共同生活家庭人口","en":"People in the household"},"required":true,"min":1,"max":20},{"name":"monthlyIncome","widget":"number","label":{"zh":"家庭月收入（元）","en":"Household income per month (CNY)"},"help":{"zh":"含工资、养老金、赡养费等，不含政府救助金。","en":"Wages, pensions, support payments; not government aid."},"min":0},{"name":"livingArrangement","widget":"select","label":{"zh":"居住方式","en":"Living arrangement"},"required":true,"choices":{"options":[{"value":"ALONE","label":{"zh":"独居","en":"Alone"}},{"value":"FAMILY","label":{"zh":"与家人同住","en":"With family"}},{"value":"INSTITUTION","label":{"zh":"机构供养","en":"In an institution"}}]}},{"name":"receivesAid","widget":"boolean","label":{"zh":"是否已享受政府救助","en":"Already receives government aid"}},{"name":"aidSchemes","widget":"multiselect","label":{"zh":"已享受的救助","en":"Aid received"},"choices":{"vocabulary":"GOV_SCHEMES"},"required":true,"visibleIf":{"field":"receivesAid","equals":true}}]}]}'::jsonb,
   CURRENT_TIMESTAMP),
  ('0f0a0000-0017-4000-8000-000000000002', 'ASSESSMENT', NULL, 1, 'PUBLISHED',
   '{"type":"object","properties":{"housing":{"title":"住房状况","type":"string","enum":["OWN","RENTED","RELATIVE","DILAPIDATED","NONE"]},"health":{"title":"健康状况","type":"string","enum":["GOOD","CHRONIC","SERIOUS","DISABLED"]},"selfCare":{"title":"生活自理能力","type":"string","enum":["FULL","PARTIAL","NONE"]},"hasCarer":{"title":"是否有照料人","type":"boolean"},"carerRelation":{"title":"照料人与本人关系","type":"string","maxLength":500},"opinion":{"title":"评估意见","type":"string","maxLength":4000}},"required":["housing","health","hasCarer"],"additionalProperties":false,"allOf":[{"if":{"properties":{"hasCarer":{"const":true}},"required":["hasCarer"]},"then":{},"else":{"properties":{"carerRelation":false}}}]}'::jsonb,
   '{"sections":[{"title":{"zh":"住房与健康","en":"Housing and health"},"fields":[{"name":"housing","widget":"select","label":{"zh":"住房状况","en":"Housing"},"required":true,"choices":{"options":[{"value":"OWN","label":{"zh":"自有住房","en":"Own home"}},{"value":"RENTED","label":{"zh":"租住","en":"Rented"}},{"value":"RELATIVE","label":{"zh":"借住亲友家","en":"With relatives or friends"}},{"value":"DILAPIDATED","label":{"zh":"危旧房","en":"Unsafe housing"}},{"value":"NONE","label":{"zh":"无固定住所","en":"No fixed abode"}}]}},{"name":"health","widget":"select","label":{"zh":"健康状况","en":"Health"},"required":true,"choices":{"options":[{"value":"GOOD","label":{"zh":"良好","en":"Good"}},{"value":"CHRONIC","label":{"zh":"慢性病","en":"Chronic illness"}},{"value":"SERIOUS","label":{"zh":"重病","en":"Serious illness"}},{"value":"DISABLED","label":{"zh":"残疾","en":"Disability"}}]}},{"name":"selfCare","widget":"select","label":{"zh":"生活自理能力","en":"Self-care"},"choices":{"options":[{"value":"FULL","label":{"zh":"完全自理","en":"Fully independent"}},{"value":"PARTIAL","label":{"zh":"部分自理","en":"Partly dependent"}},{"value":"NONE","label":{"zh":"不能自理","en":"Dependent"}}]}}]},{"title":{"zh":"照料情况","en":"Care"},"help":{"zh":"照料人指日常照顾服务对象生活的人。","en":"A carer looks after the person day to day."},"fields":[{"name":"hasCarer","widget":"boolean","label":{"zh":"是否有照料人","en":"Has a carer"},"required":true},{"name":"carerRelation","widget":"text","label":{"zh":"照料人与本人关系","en":"Carer’s relation"},"visibleIf":{"field":"hasCarer","equals":true}},{"name":"opinion","widget":"textarea","label":{"zh":"评估意见","en":"Assessor’s opinion"}}]}]}'::jsonb,
   CURRENT_TIMESTAMP),
  ('0f0a0000-0017-4000-8000-000000000003', 'PLAN', NULL, 1, 'PUBLISHED',
   '{"type":"object","properties":{"period":{"title":"方案周期","type":"string","enum":["1M","3M","6M","12M"]},"priorityNeeds":{"title":"优先解决的需求","type":"array","items":{"type":"string","enum":["BASIC_LIVING","MEDICAL","EDUCATION","HOUSING","EMPLOYMENT","CARE","PSYCHOLOGICAL","LEGAL","EMERGENCY","OTHER"]},"uniqueItems":true},"clientAgreed":{"title":"服务对象是否同意方案","type":"boolean"}},"required":["period","clientAgreed"],"additionalProperties":false}'::jsonb,
   '{"sections":[{"title":{"zh":"方案要点","en":"Plan essentials"},"fields":[{"name":"period","widget":"select","label":{"zh":"方案周期","en":"Plan period"},"required":true,"choices":{"options":[{"value":"1M","label":{"zh":"一个月","en":"One month"}},{"value":"3M","label":{"zh":"三个月","en":"Three months"}},{"value":"6M","label":{"zh":"六个月","en":"Six months"}},{"value":"12M","label":{"zh":"一年","en":"One year"}}]}},{"name":"priorityNeeds","widget":"multiselect","label":{"zh":"优先解决的需求","en":"Needs to meet first"},"choices":{"vocabulary":"NEED_CATEGORIES"}},{"name":"clientAgreed","widget":"boolean","label":{"zh":"服务对象是否同意方案","en":"The person agrees to the plan"},"required":true,"help":{"zh":"方案应与服务对象或其监护人商定。","en":"Agree the plan with the person or their guardian."}}]}]}'::jsonb,
   CURRENT_TIMESTAMP),
  ('0f0a0000-0017-4000-8000-000000000004', 'FOLLOW_UP', NULL, 1, 'PUBLISHED',
   '{"type":"object","properties":{"visitDate":{"title":"回访日期","type":"string","format":"date"},"visitMode":{"title":"回访方式","type":"string","enum":["HOME","PHONE","OFFICE"]},"satisfaction":{"title":"服务对象满意度","type":"string","enum":["SATISFIED","FAIR","DISSATISFIED"]},"improved":{"title":"困难是否得到缓解","type":"boolean"},"remaining":{"title":"仍存在的困难","type":"string","minLength":1,"maxLength":4000}},"required":["visitDate","visitMode","improved"],"additionalProperties":false,"allOf":[{"if":{"properties":{"improved":{"const":false}},"required":["improved"]},"then":{"required":["remaining"]},"else":{"properties":{"remaining":false}}}]}'::jsonb,
   '{"sections":[{"title":{"zh":"回访记录","en":"Follow-up visit"},"fields":[{"name":"visitDate","widget":"date","label":{"zh":"回访日期","en":"Date of the visit"},"required":true},{"name":"visitMode","widget":"select","label":{"zh":"回访方式","en":"How"},"required":true,"choices":{"options":[{"value":"HOME","label":{"zh":"入户走访","en":"Home visit"}},{"value":"PHONE","label":{"zh":"电话回访","en":"Phone call"}},{"value":"OFFICE","label":{"zh":"来站（中心）面谈","en":"At the station or center"}}]}},{"name":"satisfaction","widget":"select","label":{"zh":"服务对象满意度","en":"Satisfaction"},"choices":{"options":[{"value":"SATISFIED","label":{"zh":"满意","en":"Satisfied"}},{"value":"FAIR","label":{"zh":"基本满意","en":"Fairly satisfied"}},{"value":"DISSATISFIED","label":{"zh":"不满意","en":"Dissatisfied"}}]}},{"name":"improved","widget":"boolean","label":{"zh":"困难是否得到缓解","en":"Hardship relieved"},"required":true},{"name":"remaining","widget":"textarea","label":{"zh":"仍存在的困难","en":"What remains"},"required":true,"visibleIf":{"field":"improved","equals":false}}]}]}'::jsonb,
   CURRENT_TIMESTAMP),
  ('0f0a0000-0017-4000-8000-000000000005', 'CLOSURE', NULL, 1, 'PUBLISHED',
   '{"type":"object","properties":{"goalsMet":{"title":"方案目标达成情况","type":"string","enum":["MET","PARTLY","NOT_MET","NA"]},"referredOn":{"title":"是否转介其他机构继续服务","type":"boolean"},"referredTo":{"title":"转介机构","type":"string","minLength":1,"maxLength":500},"summary":{"title":"结案小结","type":"string","maxLength":4000}},"required":["goalsMet"],"additionalProperties":false,"allOf":[{"if":{"properties":{"referredOn":{"const":true}},"required":["referredOn"]},"then":{"required":["referredTo"]},"else":{"properties":{"referredTo":false}}}]}'::jsonb,
   '{"sections":[{"title":{"zh":"结案评估","en":"Closure assessment"},"fields":[{"name":"goalsMet","widget":"select","label":{"zh":"方案目标达成情况","en":"Plan goals"},"required":true,"choices":{"options":[{"value":"MET","label":{"zh":"全部达成","en":"Met"}},{"value":"PARTLY","label":{"zh":"部分达成","en":"Partly met"}},{"value":"NOT_MET","label":{"zh":"未达成","en":"Not met"}},{"value":"NA","label":{"zh":"不适用","en":"Not applicable"}}]}},{"name":"referredOn","widget":"boolean","label":{"zh":"是否转介其他机构继续服务","en":"Referred on to another agency"}},{"name":"referredTo","widget":"text","label":{"zh":"转介机构","en":"Agency"},"required":true,"visibleIf":{"field":"referredOn","equals":true}},{"name":"summary","widget":"textarea","label":{"zh":"结案小结","en":"Closing summary"}}]}]}'::jsonb,
   CURRENT_TIMESTAMP);

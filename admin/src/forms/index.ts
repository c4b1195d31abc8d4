import DynamicFormIcon from '@mui/icons-material/DynamicForm';
import { FormDefinitionCreate } from './FormDefinitionCreate.tsx';
import { FormDefinitionEdit } from './FormDefinitionEdit.tsx';
import { FormDefinitionList } from './FormDefinitionList.tsx';
import { FormDefinitionShow } from './FormDefinitionShow.tsx';

/** 表单定义 (resource `forms`, issue 17): anyone signed in reads the versions; admins draft, preview and publish them. */
export default {
  list: FormDefinitionList,
  show: FormDefinitionShow,
  create: FormDefinitionCreate,
  edit: FormDefinitionEdit,
  icon: DynamicFormIcon,
  options: { label: 'guanai.formDefs.menu' },
};

export { DefinedFormFields, DefinedTaskFormFields, answersOf } from './DefinedFormFields.tsx';
export { CaseFormAnswers } from './CaseFormAnswers.tsx';

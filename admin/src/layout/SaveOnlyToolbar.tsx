import { SaveButton, Toolbar } from 'react-admin';

/** A form toolbar without react-admin's delete button: nothing here is deleted (the API has no such routes). */
export function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

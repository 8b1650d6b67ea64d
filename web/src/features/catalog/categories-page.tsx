import { ActionIcon, Anchor, Button, Group, Modal, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconCategory, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { useConfirm } from '../../ui/confirm';
import { ErrorAlert } from '../../ui/error-alert';
import { notifyError, notifySuccess } from '../../ui/notify';
import { EmptyCard, PageHeader, PageLoader } from '../../ui/page';
import { useFormErrors } from '../../ui/use-form-errors';
import { useCan } from '../auth/session';
import { CATEGORIES_KEY, useCategories } from './api';
import { CategorySelect } from './category-select';
import type { Category } from './types';

/** Depth-first order (children under their parent, siblings by name) from the flat list. */
function treeOrder(categories: Category[]): Category[] {
  const children = new Map<string, Category[]>();
  for (const category of categories) {
    const key = category.parentId ?? '';
    children.set(key, [...(children.get(key) ?? []), category]);
  }
  const ordered: Category[] = [];
  const visit = (parentId: string) => {
    const siblings = [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    for (const category of siblings) {
      ordered.push(category);
      visit(category.id);
    }
  };
  visit('');
  return ordered;
}

function subtreeOf(categories: Category[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const category of categories) {
      if (category.parentId && ids.has(category.parentId) && !ids.has(category.id)) {
        ids.add(category.id);
        grew = true;
      }
    }
  }
  return ids;
}

type Editing = { category: Category | null; parentId: string | null };

/** The category tree: add at any level, rename, move, delete when empty. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const confirm = useConfirm();
  const queryClient = useQueryClient();
  const categories = useCategories();
  const [editing, setEditing] = useState<Editing | null>(null);
  const remove = useMutation({
    mutationFn: (category: Category) => api.delete(`/api/v1/product-categories/${category.id}`),
    onSuccess: () => {
      notifySuccess(t('catalog.categories.deleted'));
      void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
    },
    onError: (error, category) => {
      // someone added a product or subcategory since the list was loaded
      if (error instanceof ApiError && error.code === 'conflict') {
        void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
        void confirm({
          title: t('catalog.categories.notEmptyTitle'),
          message: t('catalog.categories.notEmpty', {
            name: category.name,
            products: category.productCount,
            children: category.childCount,
          }),
          confirmLabel: t('common.done'),
          danger: false,
        });
        return;
      }
      notifyError(error);
    },
  });
  const manage = can('catalog.manage');
  const items = treeOrder(categories.data ?? []);
  const askDelete = async (category: Category) => {
    if (category.productCount > 0 || category.childCount > 0) {
      await confirm({
        title: t('catalog.categories.notEmptyTitle'),
        message: t('catalog.categories.notEmpty', {
          name: category.name,
          products: category.productCount,
          children: category.childCount,
        }),
        confirmLabel: t('common.done'),
        danger: false,
      });
      return;
    }
    if (
      await confirm({
        title: t('catalog.categories.deleteTitle'),
        message: t('catalog.categories.deleteConfirm', { name: category.name }),
        confirmLabel: t('common.delete'),
      })
    )
      remove.mutate(category);
  };
  return (
    <>
      <PageHeader
        title={t('catalog.categories.title')}
        description={t('catalog.categories.text')}
        actions={
          <>
            <Button component={Link} to="/products" variant="default">
              {t('catalog.products.title')}
            </Button>
            {manage ? (
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setEditing({ category: null, parentId: null })}
              >
                {t('catalog.categories.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={categories.error} />
      {categories.isLoading ? <PageLoader /> : null}
      {categories.isSuccess && items.length === 0 ? (
        <EmptyCard
          icon={<IconCategory size={26} />}
          title={t('catalog.categories.empty')}
          description={t('catalog.categories.emptyText')}
        />
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder radius="md" p="xs">
          <Stack gap={0} role="tree" aria-label={t('catalog.categories.title')}>
            {items.map((category) => (
              <Group
                key={category.id}
                justify="space-between"
                wrap="nowrap"
                py={6}
                pr="xs"
                pl={12 + category.depth * 24}
                role="treeitem"
                aria-level={category.depth + 1}
                data-testid="category-row"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
              >
                <div>
                  <Text size="sm" fw={category.depth === 0 ? 600 : 400}>
                    {category.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('catalog.categories.counts', {
                      products: category.productCount,
                      children: category.childCount,
                    })}
                  </Text>
                </div>
                {manage ? (
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('catalog.categories.addChild', { name: category.name })}
                      onClick={() => setEditing({ category: null, parentId: category.id })}
                    >
                      <IconPlus size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('catalog.categories.edit', { name: category.name })}
                      onClick={() => setEditing({ category, parentId: category.parentId })}
                    >
                      <IconEdit size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('catalog.categories.delete', { name: category.name })}
                      onClick={() => askDelete(category)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                ) : null}
              </Group>
            ))}
          </Stack>
        </Paper>
      ) : null}
      <Text size="sm" c="dimmed" mt="md">
        {t('catalog.categories.importHint')}{' '}
        <Anchor component={Link} to="/products/import" size="sm">
          {t('catalog.import.title')}
        </Anchor>
      </Text>
      {editing ? (
        <CategoryModal editing={editing} all={categories.data ?? []} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function CategoryModal({
  editing,
  all,
  onClose,
}: {
  editing: Editing;
  all: Category[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errors = useFormErrors();
  const [name, setName] = useState(editing.category?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(editing.parentId);
  const [problem, setProblem] = useState<string | null>(null);
  const blocked = editing.category ? subtreeOf(all, editing.category.id) : new Set<string>();
  const save = useMutation({
    mutationFn: () =>
      editing.category
        ? api.patch(`/api/v1/product-categories/${editing.category.id}`, { name: name.trim(), parentId })
        : api.post('/api/v1/product-categories', { name: name.trim(), parentId }),
    onSuccess: () => {
      notifySuccess(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: CATEGORIES_KEY });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict')
        setProblem(t('catalog.categories.nameTaken'));
      errors.set(error);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setProblem(null);
    if (!name.trim()) return setProblem(t('catalog.form.required'));
    if (/[>›]/.test(name)) return setProblem(t('catalog.categories.noSeparator'));
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(editing.category ? 'catalog.categories.editTitle' : 'catalog.categories.createTitle')}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={errors.general} />
          <TextInput
            label={t('catalog.categories.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={problem ?? errors.field('name')}
            data-autofocus
          />
          <CategorySelect
            label={t('catalog.categories.parent')}
            placeholder={t('catalog.categories.topLevel')}
            value={parentId}
            onChange={setParentId}
            exclude={(id) => blocked.has(id)}
            error={errors.field('parentId')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

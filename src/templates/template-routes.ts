// HTTP routes serving the agency chronology template.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { fileResponse } from '../schemas/common.js';
import { templateCsv, templateXlsx } from './agency-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  let xlsx: Buffer | undefined;

  app.get('/api/template.xlsx', {
    config: { access: 'any' },
    schema: {
      tags: ['templates'],
      operationId: 'getTemplateXlsx',
      summary: 'The agency chronology template (xlsx)',
      response: { 200: fileResponse('The template workbook', [XLSX]) },
    },
    handler: async (_request, reply) => {
      xlsx ??= await templateXlsx();
      void reply
        .header('content-type', XLSX)
        .header('content-disposition', 'attachment; filename="agency-chronology-template.xlsx"');
      return reply.send(xlsx as never);
    },
  });

  app.get('/api/template.csv', {
    config: { access: 'any' },
    schema: {
      tags: ['templates'],
      operationId: 'getTemplateCsv',
      summary: 'The agency chronology template (csv)',
      response: { 200: fileResponse('The template as CSV (UTF-8)', ['text/csv']) },
    },
    handler: async (_request, reply) => {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="agency-chronology-template.csv"');
      return reply.send(templateCsv() as never);
    },
  });
};

export default templateRoutes;
